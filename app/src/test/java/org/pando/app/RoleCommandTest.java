package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.account.Account;
import org.pando.account.Role;
import org.pando.catalog.Channel;
import org.pando.store.Database;
import org.pando.store.DatabaseConfig;
import org.pando.store.JdbiAccountRepository;
import org.pando.store.JdbiRegistrationStore;

/** {@code pando role}: the operator's way to make the first moderator or admin. */
class RoleCommandTest {
    @TempDir
    Path dir;

    /** One run of the command line: its exit code and what it printed. */
    private record Run(int code, String out, String err) {
    }

    private Run pando(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givesAnExistingAccountARoleAndNamesWhatIsWrongOtherwise() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Account ana = new Account("acc-ana", "ana", "ana@example.org", Optional.empty(), List.of(), now);
        try (Database database = Database.open(DatabaseConfig.embedded(dir))) {
            new JdbiRegistrationStore(database.jdbi()).register(ana, "hash", Channel.created("chan-ana", ana.id(), "ana", "ana", "", now));
        }

        Run granted = pando("role", "ana", "moderator", "--data-dir", dir.toString());
        assertThat(granted.code()).as("exit code of %s", granted).isZero();
        assertThat(granted.out()).as("what it says").isEqualTo("ana is now a moderator." + System.lineSeparator());
        Run unknown = pando("role", "bo", "admin", "--data-dir", dir.toString());
        assertThat(unknown.code()).as("exit code of %s", unknown).isEqualTo(1);
        assertThat(unknown.err()).as("an unknown account").contains("There is no account 'bo'.");
        Run badRole = pando("role", "ana", "boss", "--data-dir", dir.toString());
        assertThat(badRole.code()).as("exit code of %s", badRole).isEqualTo(2);
        assertThat(badRole.err()).as("an unknown role").contains("say member, moderator or admin");

        try (Database database = Database.open(DatabaseConfig.embedded(dir))) {
            assertThat(new JdbiAccountRepository(database.jdbi()).findByUsername("ana").orElseThrow().role())
                    .as("ana's stored role").isEqualTo(Role.MODERATOR);
        }
    }
}
