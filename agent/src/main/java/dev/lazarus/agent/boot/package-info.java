/**
 * The agent's entry points ({@code Premain}, the CLI's {@code Main}) and the class loader that
 * keeps Lazarus's libraries (Chronicle, Kryo, JGroups, Byte Buddy, ASM) apart from the application's:
 * only the hooks, the tracked collections and the public API are shared.
 */
package dev.lazarus.agent.boot;
