package org.confroom.conference.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class ContactImportTest {
    @Inject
    ContactImport importer;

    @Inject
    ContactService contacts;

    @Test
    void reportsEveryRowAndImportsTheValidOnes() {
        String ann = TestNumbers.typed();
        String doe = TestNumbers.typed();
        String multi = TestNumbers.typed();
        Contact existing = contacts.create(ContactDraft.of("Already Here", TestNumbers.typed()), "alice");
        String csv = "\uFEFF Number , NAME,notes,Email\r\n"
                + ann + ",Ann Import,,ann@example.org\r\n"                          // 2 imported
                + TestNumbers.typed() + ",   ,,\r\n"                                  // 3 empty name
                + "030 12,Bad Number,,\r\n"                                           // 4 invalid number
                + "+49 " + ann.substring(1) + ",Ann Again,,\r\n"                      // 5 duplicate of row 2
                + existing.number + ",Someone,,\r\n"                                  // 6 duplicate in the directory
                + doe + ",\"Doe, \"\"JJ\"\" Jane\",,\r\n"                            // 7 quoted comma and quotes
                + "\r\n"                                                              // 8 blank
                + multi + ",Multi Line,\"first\r\nsecond\",\r\n"                      // 9 notes over lines 9-10
                + TestNumbers.typed() + ",Too,Many,a@b,fields\r\n"                    // 10 (line 11)
                + TestNumbers.typed() + ",Bob \"The Builder\",,\r\n"                  // 11 stray quote
                + TestNumbers.typed() + ",Bad Mail,,not-an-address\r\n"              // 12 invalid email
                + "\"+4930\r\n123\",Injected,,\r\n"                                   // 13 control characters (lines 14-15)
                + TestNumbers.typed() + ",Short Row\r\n";                             // 14 fewer fields: email, notes empty
        String fileName = "contacts-" + UUID.randomUUID() + ".csv";
        ImportReport report = importer.importCsv(csv, fileName, "alice");

        assertThat(report.rows()).extracting(r -> r.row() + " " + r.line() + " " + r.outcome() + " " + r.field())
                .containsExactly("2 2 IMPORTED null", "3 3 INVALID name", "4 4 INVALID number", "5 5 DUPLICATE null",
                        "6 6 DUPLICATE null", "7 7 IMPORTED null", "9 9 IMPORTED null", "10 11 INVALID row",
                        "11 12 INVALID row", "12 13 INVALID email", "13 14 INVALID number", "14 16 IMPORTED null");
        assertThat(report.rows().get(2).message()).contains("'030 12' is not a valid number");
        assertThat(report.rows().get(3).message()).isEqualTo("same number " + DialNumber.fromStored(TestNumbers.e164(ann)).display()
                + " as row 2");
        assertThat(report.rows().get(4).message()).contains("already in the directory as 'Already Here'");
        assertThat(report.rows().get(4).contactId()).isEqualTo(existing.id);
        assertThat(report.rows().get(7).message()).contains("has 5 fields but the header has 4");
        assertThat(report.rows().get(8).message()).contains("a quote inside a field");
        assertThat(report.rows().get(10).message()).contains("control character");
        assertThat(report.imported()).isEqualTo(4);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(6);

        Contact annRow = contacts.get(report.rows().get(0).contactId());
        assertThat(annRow.name).isEqualTo("Ann Import");
        assertThat(annRow.email).isEqualTo("ann@example.org");
        assertThat(annRow.number).isEqualTo(TestNumbers.e164(ann));
        assertThat(contacts.get(report.rows().get(5).contactId()).name).isEqualTo("Doe, \"JJ\" Jane");
        assertThat(contacts.get(report.rows().get(6).contactId()).notes).isEqualTo("first\r\nsecond");
        assertThat(TestNumbers.audit(fileName)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("contact.import");
            assertThat(e.outcome).isEqualTo(AuditEvent.Outcome.OK);
            assertThat(e.details).containsEntry("rows", 12).containsEntry("imported", 4).containsEntry("duplicates", 2)
                    .containsEntry("invalid", 6);
        });
    }

    @Test
    void aFileWithoutHeaderIsRefusedAndAudited() {
        String fileName = "no-header-" + UUID.randomUUID() + ".csv";
        assertFileRefused("Alice," + TestNumbers.typed() + "\n", fileName, "the first row must be the header name,number");
        assertThat(TestNumbers.audit(fileName)).singleElement()
                .satisfies(e -> assertThat(e.outcome).isEqualTo(AuditEvent.Outcome.REFUSED));
    }

    @Test
    void badHeadersAreRefused() {
        assertFileRefused("name,number,phone\n", null, "unknown column 'phone'");
        assertFileRefused("name,email\n", null, "lacks the column 'number'");
        assertFileRefused("name,number,Name\n", null, "'name' appears twice");
        assertFileRefused("\"name\"x,number\n", null, "row 1 (header): text after the closing quote");
        assertFileRefused("", null, "the file is empty");
        assertFileRefused("\uFEFF\r\n\r\n", null, "the file is empty");
        assertFileRefused("name,number\n\"Alice,+4930\n", null, "row 2 (line 2): a quoted field is not closed");
    }

    @Test
    void aHeaderAloneImportsNothing() {
        ImportReport report = importer.importCsv("name,number\r\n\r\n", "empty.csv", "alice");
        assertThat(report.rows()).isEmpty();
    }

    @Test
    void notUtf8IsRefusedWithItsLine() {
        byte[] latin1 = ("name,number\n" + "J\u00FCrgen," + TestNumbers.typed() + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> importer.importCsv(new ByteArrayInputStream(latin1), "latin1.csv", "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("file"))
                .hasMessageContaining("line 2 is not UTF-8");
    }

    @Test
    void oversizeFilesAreRefused() {
        String big = "name,number,notes\n" + "x".repeat(ContactImport.MAX_BYTES);
        assertFileRefused(big, "big.csv", "larger than 5 MB");

        StringBuilder rows = new StringBuilder("name,number\n");
        String number = TestNumbers.typed();
        for (int i = 0; i <= ContactImport.MAX_ROWS; i++) {
            rows.append("Many ").append(i).append(',').append(number).append('\n');
        }
        assertFileRefused(rows.toString(), "many.csv", "more than 10000 rows");

        String atTheLimit = rows.substring(0, rows.lastIndexOf("Many "));
        ImportReport report = importer.importCsv(atTheLimit, "limit.csv", "alice");
        assertThat(report.rows()).hasSize(ContactImport.MAX_ROWS);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(ContactImport.MAX_ROWS - 1);
    }

    private void assertFileRefused(String csv, String fileName, String message) {
        assertThatThrownBy(() -> importer.importCsv(csv, fileName, "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("file"))
                .hasMessageContaining(message);
    }
}
