package org.confroom.conference.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.confroom.conference.ValidationException;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The RFC 4180 reader on its own (no database involved). */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class CsvReaderTest {

    @Test
    void plainRecordsWithCrlfOrLfAndNoFinalLineBreak() {
        assertThat(read("a,b\r\nc,d\ne,f")).containsExactly(
                new CsvRecord(1, 1, List.of("a", "b"), null),
                new CsvRecord(2, 2, List.of("c", "d"), null),
                new CsvRecord(3, 3, List.of("e", "f"), null));
        assertThat(read("a\rb\r")).extracting(CsvRecord::fields).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = read("\"Doe, Jane\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,\"\"\r\n");
        assertThat(records.get(0).fields()).containsExactly("Doe, Jane", "say \"hi\"", "two\r\nlines");
        assertThat(records.get(1)).isEqualTo(new CsvRecord(2, 3, List.of("next", ""), null));
    }

    @Test
    void emptyFieldsAndSpaces() {
        assertThat(read(",a,,\n  b  ,  \"c\"  \n").get(0).fields()).containsExactly("", "a", "", "");
        assertThat(read(",a,,\n  b  ,  \"c\"  \n").get(1).fields()).as("spaces around quotes are dropped, others kept")
                .containsExactly("  b  ", "c");
    }

    @Test
    void blankRowsAreSkippedButCounted() {
        assertThat(read("\n\na\r\n,,\r\n   \nb\n\n")).extracting(r -> r.row() + ":" + r.line() + ":" + r.fields().get(0))
                .containsExactly("3:3:a", "6:6:b");
    }

    @Test
    void strayQuotesSpoilOnlyTheirRecord() {
        List<CsvRecord> records = read("Bob \"The Builder\",1\n\"closed\"x,2\n\"ok, fine\",3\n");
        assertThat(records.get(0).problem()).contains("a quote inside a field that does not start with a quote");
        assertThat(records.get(1).problem()).contains("text after the closing quote");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, 3, List.of("ok, fine", "3"), null));
    }

    @Test
    void anUnclosedQuoteRefusesTheFile() {
        assertThatThrownBy(() -> read("name,number\nok,1\n\"Alice,+4930\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("file"))
                .hasMessageContaining("row 3 (line 3): a quoted field is not closed");
    }

    @Test
    void iteratorContract() {
        CsvReader reader = new CsvReader("");
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }

    private static List<CsvRecord> read(String text) {
        List<CsvRecord> records = new ArrayList<>();
        new CsvReader(text).forEachRemaining(records::add);
        return records;
    }
}
