package org.pando.recommend.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.pando.recommend.FeedItem;

/**
 * Assembles a page from ranked candidates under the exposure policy, then maybe swaps in one exploration
 * video, and gives every video the probability with which this policy shows it there.
 *
 * <ul>
 *   <li>no creator more than {@code maxPerCreator} times in any page of ten;</li>
 *   <li>no creator over the viewer's daily share ({@code dailyAllowed});</li>
 *   <li>the most shown 1% of videos held back while their share is over the cap ({@code overexposed});</li>
 *   <li>at least the local floor of the page from the viewer's country when such videos exist;</li>
 *   <li>one new video still owed its first impressions placed third, the best matched of them;</li>
 *   <li>with probability {@code explorationRate}, one place, chosen uniformly, given to a candidate chosen
 *   uniformly from those not on the page.</li>
 * </ul>
 * A rule that would leave the page short gives way: held-back candidates fill what is left, in rank order.
 */
final class SlateBuilder {
    private static final int WINDOW = 10;
    private static final int FRESH_POSITION = 2;

    private final RandomGenerator random;

    SlateBuilder(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The rules of one page.
     *
     * @param limit           how many videos
     * @param maxPerCreator   most videos of one creator in a window of ten
     * @param dailyAllowed    whether the viewer may see one more video of a creator today
     * @param overexposed     videos held back by the top-1% cap
     * @param isLocal         whether a video is from the viewer's country; {@code null} for no floor
     * @param localFloor      least share of local videos
     * @param owedFresh       new videos still owed impressions, best matched first
     * @param explorationRate probability of an exploration slot
     */
    record Rules(
            int limit, int maxPerCreator, Predicate<String> dailyAllowed, Set<String> overexposed,
            Predicate<ScoredVideo> isLocal, double localFloor, List<ScoredVideo> owedFresh, double explorationRate) {
    }

    List<FeedItem> build(List<ScoredVideo> ranked, Rules rules) {
        int target = Math.min(rules.limit(), ranked.size());
        List<ScoredVideo> slate = new ArrayList<>(target);
        List<ScoredVideo> heldBack = new ArrayList<>();
        int localNeeded = rules.isLocal() == null ? 0 : (int) Math.ceil(rules.localFloor() * target);
        long localAvailable = rules.isLocal() == null ? 0 : ranked.stream().filter(rules.isLocal()).count();
        localNeeded = (int) Math.min(localNeeded, localAvailable);
        int local = 0;
        boolean freshPending = !rules.owedFresh().isEmpty();
        for (ScoredVideo c : ranked) {
            if (freshPending && slate.size() == Math.min(FRESH_POSITION, target - 1)) {
                freshPending = false;
                rules.owedFresh().stream().filter(f -> creatorFits(slate, f, rules.maxPerCreator()) && !slate.contains(f))
                        .findFirst().ifPresent(slate::add);
            }
            if (slate.size() >= target) {
                break;
            }
            if (slate.contains(c)) {
                continue;
            }
            boolean isLocal = rules.isLocal() != null && rules.isLocal().test(c);
            boolean needLocal = localNeeded - local >= target - slate.size() && !isLocal;
            if (needLocal || !creatorFits(slate, c, rules.maxPerCreator()) || !rules.dailyAllowed().test(c.video().creatorId())
                    || rules.overexposed().contains(c.id())) {
                heldBack.add(c);
                continue;
            }
            slate.add(c);
            local += isLocal ? 1 : 0;
        }
        for (ScoredVideo c : heldBack) {
            if (slate.size() >= target) {
                break;
            }
            if (!slate.contains(c)) {
                slate.add(c);
            }
        }
        return withExploration(slate, ranked, rules.explorationRate());
    }

    private static boolean creatorFits(List<ScoredVideo> slate, ScoredVideo c, int maxPerCreator) {
        int windowStart = slate.size() - slate.size() % WINDOW;
        int same = 0;
        for (ScoredVideo placed : slate.subList(windowStart, slate.size())) {
            if (placed.video().creatorId().equals(c.video().creatorId())) {
                same++;
            }
        }
        return same < maxPerCreator;
    }

    private List<FeedItem> withExploration(List<ScoredVideo> slate, List<ScoredVideo> ranked, double rate) {
        Map<String, Boolean> onPage = new HashMap<>();
        slate.forEach(s -> onPage.put(s.id(), true));
        List<ScoredVideo> pool = ranked.stream().filter(c -> !onPage.containsKey(c.id())).toList();
        List<FeedItem> items = new ArrayList<>(slate.size());
        if (slate.isEmpty() || pool.isEmpty() || rate <= 0) {
            slate.forEach(s -> items.add(s.item(1.0, false)));
            return items;
        }
        double stays = 1 - rate / slate.size();
        int explored = random.nextDouble() < rate ? random.nextInt(slate.size()) : -1;
        for (int i = 0; i < slate.size(); i++) {
            if (i == explored) {
                ScoredVideo pick = pool.get(random.nextInt(pool.size()));
                items.add(pick.item(rate / slate.size() / pool.size(), true));
            } else {
                items.add(slate.get(i).item(stays, false));
            }
        }
        return items;
    }
}
