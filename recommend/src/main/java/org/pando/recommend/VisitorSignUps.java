package org.pando.recommend;

/**
 * Carries a visitor's watching over to the account they make, so that signing up does not lose the feed they had
 * shaped: the link is kept, and the recommender counts the visitor's past and in-flight events for the account.
 *
 * <pre>{@code
 * VisitorSignUps signUps = new VisitorSignUps(links, recommender);
 * signUps.restore();                      // at start-up, before the event stream delivers
 * signUps.signedUp("visitor-Ab12…", account.id());
 * }</pre>
 */
public final class VisitorSignUps {
    private final VisitorLinks links;
    private final Recommender recommender;

    public VisitorSignUps(VisitorLinks links, Recommender recommender) {
        this.links = links;
        this.recommender = recommender;
    }

    /** The visitor just made this account; a visitor who made one before stays with that one. */
    public void signedUp(String visitorId, String accountId) {
        if (links.link(visitorId, accountId)) {
            recommender.carryOver(visitorId, accountId);
        }
    }

    /** Tells the recommender every link made so far; call before it replays the event log. */
    public void restore() {
        links.all().forEach(recommender::carryOver);
    }
}
