package org.confroom.web.directory;

import java.net.URI;
import java.util.Map;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactImport;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.directory.ImportReport;
import org.confroom.conference.directory.ResultPage;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The phone directory pages: search (as you type with htmx, a plain GET form without script), create,
 * edit, delete and CSV import with its per-row report. Refused input is shown next to its field with
 * everything typed kept.
 */
@Path("/contacts")
@Produces(MediaType.TEXT_HTML)
public class ContactsPage {
    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance contacts(ContactList list, String notice);

        static native TemplateInstance contacts$results(ContactList list);

        static native TemplateInstance form(ContactForm form, FormError error);

        static native TemplateInstance importing(ImportView result, FormError error);
    }

    /** One page of search results and the links to the pages beside it. */
    public record ContactList(String query, ResultPage<Contact> result) {
        public String pageLink(int page) {
            return PageLinks.link("/contacts", Map.of("q", query, "page", page));
        }

        public int next() {
            return result.page() + 1;
        }

        public int previous() {
            return result.page() - 1;
        }
    }

    /** What the contact form shows: the stored contact, or what was typed into it. */
    public record ContactForm(Long id, int version, String name, String number, String email, String notes) {
        static ContactForm of(Contact c) {
            return new ContactForm(c.id, c.version, c.name, c.dialNumber().display(), c.email, c.notes);
        }

        public boolean isNew() {
            return id == null;
        }

        public String action() {
            return isNew() ? "/contacts" : "/contacts/" + id;
        }
    }

    /** The result of an upload: the file name and the per-row report, or nothing yet. */
    public record ImportView(String fileName, ImportReport report) {
    }

    @Inject
    ContactService contacts;

    @Inject
    ContactImport importer;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public Response list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("created") Long created, @Context HttpHeaders headers) {
        ContactList list = new ContactList(q == null ? "" : q, contacts.search(q, Math.max(page, 0), PAGE_SIZE));
        if (PageLinks.partial(headers)) {
            return Response.ok(Templates.contacts$results(list)).header("Vary", "HX-Request").build();
        }
        String notice = created == null ? null : "Contact saved.";
        return Response.ok(Templates.contacts(list, notice)).header("Vary", "HX-Request").build();
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance newContact() {
        return Templates.form(new ContactForm(null, 0, "", "", "", ""), FormError.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response create(@RestForm String name, @RestForm String number, @RestForm String email, @RestForm String notes) {
        try {
            Contact c = contacts.create(new ContactDraft(name, number, email, notes), actor());
            return Response.seeOther(URI.create("/contacts?created=" + c.id)).build();
        } catch (ConferenceException e) {
            return refused(new ContactForm(null, 0, name, number, email, notes), e);
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.form(ContactForm.of(contacts.get(id)), FormError.NONE);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response update(@PathParam("id") long id, @RestForm int version, @RestForm String name, @RestForm String number,
            @RestForm String email, @RestForm String notes) {
        try {
            contacts.update(id, version, new ContactDraft(name, number, email, notes), actor());
            return Response.seeOther(URI.create("/contacts?created=" + id)).build();
        } catch (ConferenceException e) {
            return refused(new ContactForm(id, version, name, number, email, notes), e);
        }
    }

    /** Deletes; htmx gets an empty answer (the row goes), a plain form a redirect to the list. */
    @POST
    @Path("{id}/delete")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        contacts.delete(id, actor());
        if (PageLinks.partial(headers)) {
            return Response.ok("", MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create("/contacts")).build();
    }

    @GET
    @Path("import")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance importForm() {
        return Templates.importing(null, FormError.NONE);
    }

    /** Imports an uploaded CSV file and shows what became of every row (the report is the answer: nothing to redirect to). */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response importCsv(@RestForm("file") FileUpload file) {
        try {
            ImportReport report = UploadedCsv.importInto(importer, file, actor());
            return Response.ok(Templates.importing(new ImportView(file.fileName(), report), FormError.NONE)).build();
        } catch (ConferenceException e) {
            FormError error = FormError.of(e);
            return Response.status(error.status()).entity(Templates.importing(null, error)).build();
        }
    }

    /** A refused save shows the form again with what was typed; a contact deleted meanwhile is a 404. */
    private Response refused(ContactForm typed, ConferenceException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        FormError error = FormError.of(e);
        return Response.status(error.status()).entity(Templates.form(typed, error)).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
