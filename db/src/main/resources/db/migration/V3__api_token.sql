-- API tokens for the REST API (click-to-call and the rest): only a SHA-256 of the token is kept; the
-- token itself is shown once, when an admin creates it.
create table api_token (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(name) between 1 and 100),
    token_hash    text        not null check (token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix  text        not null,
    role          text        not null check (role in ('ADMIN', 'OPERATOR', 'VIEWER')),
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text,
    constraint api_token_hash_unique unique (token_hash)
);
