package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WrittenLanguageTest {
    private static WrittenLanguage languages;

    @BeforeAll
    static void load() {
        languages = WrittenLanguage.load();
    }

    @Test
    void namesTheLanguageOfTitlesAndDescriptions() {
        Map<String, String> texts = Map.of(
                "Making fresh pasta at home with my grandmother, step by step", "en",
                "오늘은 집에서 김치찌개를 끓이는 방법을 알려드릴게요", "ko",
                "今日は家で簡単なカレーライスの作り方を紹介します", "ja",
                "Hoy preparamos una tortilla de patatas con cebolla, la receta de mi abuela", "es",
                "Une promenade dans les rues de Paris au lever du soleil avec mon chien", "fr",
                "Wir fahren mit dem Fahrrad durch den Schwarzwald und zelten am See", "de",
                "Hoje vamos fazer um bolo de cenoura com cobertura de chocolate", "pt");
        texts.forEach((text, expected) -> assertThat(languages.of(text)).as("language of \"%s\"", text).contains(expected));
    }

    @Test
    void saysNothingOfTextTooShortToTell() {
        assertThat(languages.of("lol ok")).as("a two-word title").isEmpty();
        assertThat(languages.of("2024 — 12:30 !!!")).as("a title without letters").isEmpty();
    }

    @Test
    void givesTwoLetterCodesAndEnglishNames() {
        assertThat(WrittenLanguage.code("eng")).isEqualTo("en");
        assertThat(WrittenLanguage.code("cmn")).as("Mandarin is Chinese").isEqualTo("zh");
        assertThat(WrittenLanguage.displayName("ko")).isEqualTo("Korean");
    }
}
