package org.clustergrid.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.clustergrid.register.Author;
import org.clustergrid.register.RegisterException;
import org.clustergrid.security.Caller;
import org.clustergrid.security.web.Callers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UriUtils;

/** Who makes a change of the register or its grid, and why: the caller and the {@value #COMMENT} header. */
public final class ChangeAuthor {
    /** The header a change's comment comes in, percent-encoded UTF-8 when it is not ASCII. */
    public static final String COMMENT = "Change-Comment";

    private ChangeAuthor() {}

    /** The caller of this request (read on the request's thread) with the comment of its header. */
    public static Author of(HttpServletRequest request) {
        Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
        String comment = request.getHeader(COMMENT);
        if (comment != null) {
            try {
                comment = UriUtils.decode(comment, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RegisterException.badInput(COMMENT, "is not valid percent-encoded UTF-8");
            }
        }
        return new Author(caller.name(), caller.via(), comment);
    }
}
