package org.pando.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a page into the shared layout, so every page has the same head, skip link and top bar.
 *
 * <p>A page file is split into parts by marker lines: {@code <!-- title: Upload -->}, then {@code <!-- head -->}
 * (scripts), an optional {@code <!-- header -->} (extra top-bar content) and {@code <!-- main -->}. The layout
 * names the parts as {@code {{title}}}, {@code {{head}}}, {@code {{header}}} and {@code {{main}}}.
 */
final class PageTemplate {
    private static final String SITE = "Pando";

    private PageTemplate() {
    }

    static String render(String layout, String page) {
        Map<String, String> parts = parts(page);
        String title = parts.getOrDefault("title", SITE);
        return layout.replace("{{title}}", title.equals(SITE) ? SITE : title + " · " + SITE)
                .replace("{{head}}", parts.getOrDefault("head", ""))
                .replace("{{header}}", parts.getOrDefault("header", ""))
                .replace("{{main}}", parts.getOrDefault("main", ""));
    }

    private static Map<String, String> parts(String page) {
        Map<String, String> parts = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : page.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("<!-- title:") && trimmed.endsWith("-->")) {
                parts.put("title", trimmed.substring("<!-- title:".length(), trimmed.length() - 3).trim());
            } else if (trimmed.matches("<!-- (head|header|main) -->")) {
                if (current != null) {
                    parts.put(current, text.toString().stripTrailing());
                }
                current = trimmed.substring(5, trimmed.length() - 4);
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            parts.put(current, text.toString().stripTrailing());
        }
        return parts;
    }
}
