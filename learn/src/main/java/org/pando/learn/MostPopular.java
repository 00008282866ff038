package org.pando.learn;

/** Everyone gets the same ranking: items by how many users have them. The baseline every model must beat. */
public final class MostPopular implements ItemScorer {
    private final float[] popularity;

    private MostPopular(float[] popularity) {
        this.popularity = popularity;
    }

    public static MostPopular fit(Interactions train) {
        int[] degrees = train.itemDegrees();
        float[] popularity = new float[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            popularity[i] = degrees[i];
        }
        return new MostPopular(popularity);
    }

    @Override
    public int items() {
        return popularity.length;
    }

    @Override
    public void score(int[] history, float[] weights, float[] out) {
        System.arraycopy(popularity, 0, out, 0, popularity.length);
    }
}
