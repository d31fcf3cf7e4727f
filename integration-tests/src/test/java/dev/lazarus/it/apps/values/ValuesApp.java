package dev.lazarus.it.apps.values;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.List;

/** Row: values of every kind, written from inside their class. */
public class ValuesApp {
    @Durable
    static Values values = new Values();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                return Show.fields(values);
            }

            @Override
            public void build() {
                values.setAll();
            }
        });
    }
}
