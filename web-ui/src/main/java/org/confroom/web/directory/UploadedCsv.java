package org.confroom.web.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.ContactImport;
import org.confroom.conference.directory.ImportReport;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A CSV file uploaded in the form field {@code file}, handed to {@link ContactImport} (page and API alike). */
public final class UploadedCsv {
    private UploadedCsv() {
    }

    /**
     * @return what the import did
     * @throws ValidationException of field {@code file} when no file came or it cannot be read, and every refusal of the import
     */
    public static ImportReport importInto(ContactImport importer, FileUpload file, String actor) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            throw new ValidationException("file", "choose a CSV file to upload (form field 'file')");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return importer.importCsv(in, file.fileName(), actor);
        } catch (IOException e) {
            throw new ValidationException("file", "could not be read: " + e.getMessage());
        }
    }
}
