package org.pando.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.domain.InvalidInput;

class LocalesTest {
    private record Header(String value, List<String> languages, Optional<String> country) {
    }

    @Test
    void readsLanguagesAndCountryFromAcceptLanguage() {
        List<Header> cases = List.of(
                new Header("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", List.of("ko", "en"), Optional.of("KR")),
                new Header("pt-BR", List.of("pt"), Optional.of("BR")),
                new Header("en;q=0.5, ja;q=0.9", List.of("ja", "en"), Optional.empty()),
                new Header("zh-Hant-TW", List.of("zh"), Optional.of("TW")),
                new Header("", List.of(), Optional.empty()),
                new Header("*;;;garbage", List.of(), Optional.empty()));
        for (Header h : cases) {
            assertThat(Locales.languagesFrom(h.value())).as("languages of '%s'", h.value()).isEqualTo(h.languages());
            assertThat(Locales.countryFrom(h.value())).as("country of '%s'", h.value()).isEqualTo(h.country());
        }
    }

    @Test
    void normalisesAndChecksProfileCodes() {
        assertThat(Locales.country("kr")).isEqualTo("KR");
        assertThat(Locales.languages(List.of("KO", " en", "ko"))).as("lower-cased, de-duplicated").containsExactly("ko", "en");
        assertThatThrownBy(() -> Locales.country("Korea")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("country"));
        assertThatThrownBy(() -> Locales.languages(List.of("klingon"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("klingon");
    }
}
