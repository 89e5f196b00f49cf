package org.confroom.ami.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated server's manager.conf: ordered sections of {@code key = value} lines. Every section but
 * {@code [general]} is a {@link ManagerUser}. {@code GetConfig manager.conf} renders it as Asterisk does.
 */
final class ManagerConf {
    /** One {@code key=value} line of a section. */
    record Line(String key, String value) {
    }

    /** One {@code [name]} section. */
    record Category(String name, List<Line> lines) {
        Optional<String> get(String key) {
            return lines.stream().filter(l -> l.key().equalsIgnoreCase(key)).map(Line::value).findFirst();
        }
    }

    private final List<Category> categories;
    private final Map<String, ManagerUser> users = new LinkedHashMap<>();

    private ManagerConf(List<Category> categories) {
        this.categories = List.copyOf(categories);
        for (Category c : categories) {
            if (!c.name().equalsIgnoreCase("general")) {
                ManagerUser u = ManagerUser.of(c.name(), c.get("secret").orElse(""), c.get("read").orElse(""),
                        c.get("write").orElse(""));
                users.put(c.name().toLowerCase(Locale.ROOT), u);
            }
        }
    }

    /** @return the recorded server's manager.conf (admin and confmgr) */
    static ManagerConf recorded() {
        try (InputStream in = ManagerConf.class.getResourceAsStream("manager.conf")) {
            if (in == null) {
                throw new IllegalStateException("manager.conf resource missing from the ami-sim jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an ini file like manager.conf. */
    static ManagerConf load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses ini text: {@code [section]}, {@code key = value}, comments after {@code ;}. */
    static ManagerConf parse(String text) {
        List<Category> cats = new ArrayList<>();
        Category current = null;
        for (String raw : text.split("\r?\n")) {
            int semi = raw.indexOf(';');
            String line = (semi >= 0 ? raw.substring(0, semi) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Category(line.substring(1, line.length() - 1).trim(), new ArrayList<>());
                cats.add(current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || current == null) {
                throw new IllegalArgumentException("not a manager.conf line: " + raw);
            }
            String value = line.substring(eq + 1).trim();
            if (value.startsWith(">")) {
                value = value.substring(1).trim();
            }
            current.lines().add(new Line(line.substring(0, eq).trim(), value));
        }
        return new ManagerConf(cats);
    }

    /** @return a configuration with the given users and the recorded {@code [general]} section */
    static ManagerConf withUsers(List<ManagerUser> list) {
        List<Category> cats = new ArrayList<>();
        cats.add(recorded().categories.get(0));
        for (ManagerUser u : list) {
            cats.add(new Category(u.name(), List.of(
                    new Line("secret", u.secret()),
                    new Line("deny", "0.0.0.0/0.0.0.0"),
                    new Line("permit", "127.0.0.1/255.255.255.255"),
                    new Line("read", u.readText()),
                    new Line("write", u.writeText()))));
        }
        return new ManagerConf(cats);
    }

    Optional<ManagerUser> user(String name) {
        return Optional.ofNullable(users.get(name.toLowerCase(Locale.ROOT)));
    }

    List<Category> categories() {
        return categories;
    }
}
