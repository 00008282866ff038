/**
 * The composition root and the {@code pando} command line.
 *
 * <p>{@link org.pando.app.Settings} reads configuration in layers (built-in defaults, a YAML file,
 * {@code PANDO_*} environment variables, command-line flags); {@link org.pando.app.PandoConfig} turns it
 * into each component's typed record; {@link org.pando.app.Pando} builds the object graph with
 * constructors, starts the lifecycle components in order and stops them in reverse.
 * {@link org.pando.app.Main} is the entry point of {@code ./pando serve}, {@code ./pando bench} and the other
 * commands, such as {@code ./pando role}, with which the operator makes the first moderator or admin.
 */
package org.pando.app;
