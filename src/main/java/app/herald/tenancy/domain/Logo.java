package app.herald.tenancy.domain;

import app.herald.kernel.RuleViolation;

/** A client's logo: a PNG or JPEG recognised by its content, never by its file name. */
public record Logo(byte[] bytes, String contentType) {

    public static Logo fromUpload(byte[] content) {
        if (content == null || content.length == 0) {
            throw new RuleViolation("The logo file is empty.");
        }
        if (content.length > Tenant.MAX_LOGO_BYTES) {
            throw new RuleViolation("The logo is larger than 512 KB. Please upload a smaller PNG or JPEG.");
        }
        return new Logo(content, sniff(content));
    }

    private static String sniff(byte[] c) {
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G'
                && c[4] == 0x0d && c[5] == 0x0a && c[6] == 0x1a && c[7] == 0x0a) {
            return "image/png";
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xff && (c[1] & 0xff) == 0xd8 && (c[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        throw new RuleViolation("The logo must be a PNG or JPEG image; this file is neither, whatever its name says.");
    }
}
