/**
 * Bytecode rewriting at load time: {@code LazarusTransformer} decides what to rewrite;
 * {@code ClassRewriter} gives tracked classes their id and one setter per persistent field;
 * {@code MethodRewriter} sends field writes, array stores, root assignments, collection creation and
 * {@code @Atomic} methods through the hooks. The routes for JDK code ({@code ConcurrentKeySetRoute},
 * {@code ReflectionRoute}) rewrite a few JDK classes once at start.
 */
package dev.lazarus.agent.instrument;
