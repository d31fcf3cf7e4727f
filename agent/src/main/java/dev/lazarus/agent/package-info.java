/**
 * The Java agent: {@link dev.lazarus.agent.AgentMain} reads the options
 * ({@code Config}, {@code ConfigSources}), locks the data directory, starts the engine in its own class
 * loader and installs the class transformer.
 */
package dev.lazarus.agent;
