package org.confroom.web.api;

import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactImport;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.directory.ImportReport;
import org.confroom.conference.directory.ImportRow;
import org.confroom.web.directory.UploadedCsv;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The phone directory as JSON: search, create, read, update (with the version read), delete, CSV import. */
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The phone directory")
public class ContactsApi {
    /** A contact as the API shows it; {@code number} is canonical (E.164 or an extension). */
    public record ContactDto(long id, String name, String number, String display, String email, String notes, int version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static ContactDto of(Contact c) {
            return new ContactDto(c.id, c.name, c.number, c.dialNumber().display(), c.email, c.notes, c.version, c.createdAt,
                    c.updatedAt);
        }
    }

    /** What a client sends to create or edit a contact; {@code version} is required for an edit. */
    public record ContactInput(String name, String number, String email, String notes, Integer version) {
        ContactDraft draft() {
            return new ContactDraft(name, number, email, notes);
        }
    }

    /** What an import did: the totals and one entry per data row. */
    public record ImportResult(int rows, long imported, long duplicates, long invalid, List<ImportRow> report) {
        static ImportResult of(ImportReport r) {
            return new ImportResult(r.rows().size(), r.imported(), r.duplicates(), r.invalid(), r.rows());
        }
    }

    @Inject
    ContactService contacts;

    @Inject
    ContactImport importer;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Search contacts by name or number (blank q: all), ordered by name")
    public ApiPage<ContactDto> search(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return ApiPage.of(contacts.search(q, page, size), ContactDto::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Create a contact (201); 400 names the field, 409 when the number belongs to another contact")
    public Response create(ContactInput input) {
        Contact c = contacts.create(required(input).draft(), actor());
        return Response.created(URI.create("/api/contacts/" + c.id)).entity(ContactDto.of(c)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One contact")
    public ContactDto get(@PathParam("id") long id) {
        return ContactDto.of(contacts.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Edit a contact; send the version you read (409 when someone changed it meanwhile)")
    public ContactDto update(@PathParam("id") long id, ContactInput input) {
        if (required(input).version() == null) {
            throw new ValidationException("version", "required: the version of the contact as read, for example 0");
        }
        return ContactDto.of(contacts.update(id, input.version(), input.draft(), actor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Delete a contact (204); 409 while it is invited to a room or has call history")
    public Response delete(@PathParam("id") long id) {
        contacts.delete(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Import contacts from a CSV body (header name,number[,email][,notes]); the report has a row per data row")
    public ImportResult importCsv(InputStream csv) {
        return ImportResult.of(importer.importCsv(csv, "api upload", actor()));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Import contacts from an uploaded CSV file (form field 'file')")
    public ImportResult importUpload(@RestForm("file") FileUpload file) {
        return ImportResult.of(UploadedCsv.importInto(importer, file, actor()));
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        return body;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
