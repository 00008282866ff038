package org.pando.search;

import java.nio.file.Path;
import org.pando.domain.DomainException;

/** Another process (a running Pando) holds the search index's directory. */
public final class SearchIndexInUse extends DomainException {
    private static final long serialVersionUID = 1L;

    SearchIndexInUse(Path directory, Throwable cause) {
        super(Reason.CONFLICT, "search-index-in-use", "The search index in " + directory
                + " is in use by another Pando process; stop it first.", cause);
    }
}
