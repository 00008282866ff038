/**
 * Recommendation models over a user-item interaction matrix, with no knowledge of videos, users or
 * storage: {@link org.pando.learn.Interactions} in, an {@link org.pando.learn.ItemScorer} out.
 *
 * <p>Models: {@link org.pando.learn.MostPopular}, {@link org.pando.learn.ItemKnn} (cosine with shrinkage),
 * {@link org.pando.learn.Ease} (the closed-form linear autoencoder of Steck, 2019, solved with a native
 * Cholesky inverse when the machine has an optimised LAPACK) and {@link org.pando.learn.ImplicitAls}
 * (Hu, Koren and Volinsky's weighted matrix factorisation, solved by conjugate gradient, with a fold-in
 * for users it has not seen). Every model scores a user from their history (and, where a model uses it, their
 * negative feedback), so new or changing users need no retraining. {@link org.pando.learn.TopK} picks the best
 * items, skipping those already seen.
 *
 * <p>{@link org.pando.learn.Hybrid} blends models on standardised scores, with a
 * {@link org.pando.learn.PopularityPrior} among them, and sinks what the user gave negative feedback on;
 * {@link org.pando.learn.ExposurePolicy} builds a round of lists so the most-shown items cannot take more
 * than a set share of the impressions.
 */
package org.pando.learn;
