package dev.lazarus.junit;

/** What must hold after every crash and restart; throw (an assertion error, say) when it does not. */
@FunctionalInterface
public interface Invariant {
    void check(CrashCycle cycle) throws Exception;
}
