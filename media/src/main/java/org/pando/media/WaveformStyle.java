package org.pando.media;

import java.util.regex.Pattern;

/**
 * How an audio clip's waveform picture is drawn ({@code media.waveform.*}).
 *
 * @param width  picture width in pixels ({@code media.waveform.width}, default 1280)
 * @param height picture height in pixels ({@code media.waveform.height}, default 240)
 * @param color  the waveform's colour as {@code #rrggbb} ({@code media.waveform.color}, default the theme's accent
 *               {@code #ff4f5e}); the background stays transparent so the picture sits on any page
 */
public record WaveformStyle(int width, int height, String color) {
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public WaveformStyle {
        if (width < 16 || width > 7680 || height < 16 || height > 4320) {
            throw new IllegalArgumentException("media.waveform.width and height must be 16 to 7680 and 16 to 4320 pixels, not "
                    + width + "x" + height);
        }
        if (!HEX_COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("media.waveform.color must be a colour such as #ff4f5e, not '" + color + "'");
        }
    }

    /** 1280x240 in the theme's accent colour. */
    public static WaveformStyle defaults() {
        return new WaveformStyle(1280, 240, "#ff4f5e");
    }

    /** The colour as ffmpeg writes it ({@code 0xrrggbb}). */
    String ffmpegColor() {
        return "0x" + color.substring(1);
    }
}
