package dev.lazarus.it.apps.values;

/** PLUS and MINUS are constants with a body: their class is an anonymous subclass of Op. */
public enum Op {
    PLUS {
        @Override
        public int apply(int a, int b) {
            return a + b;
        }
    },
    MINUS {
        @Override
        public int apply(int a, int b) {
            return a - b;
        }
    },
    FIRST;

    public int apply(int a, int b) {
        return a;
    }
}
