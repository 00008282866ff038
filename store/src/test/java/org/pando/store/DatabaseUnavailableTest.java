package org.pando.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {
    @Test
    void aServerThatDoesNotAnswerIsNamedInTheError() {
        DatabaseConfig nowhere = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/pando", "pando", "", 2);

        assertThatThrownBy(() -> Database.open(nowhere)).as("opening a database nobody serves")
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageStartingWith("Cannot open the database jdbc:postgresql://127.0.0.1:1/pando: ");
    }
}
