package dev.lazarus.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;

/** {@code results/<report>.png}: write path, bank transfers, recovery; JFreeChart, log scales. */
final class Chart {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)};

    private Chart() {
    }

    static Path write(Ctx ctx, Results res) {
        System.setProperty("java.awt.headless", "true");
        JFreeChart write = writePath(res);
        JFreeChart bank = bank(res);
        JFreeChart recovery = recovery(res);
        int w = 1400;
        int[] heights = {620, 720, 300};
        BufferedImage image = new BufferedImage(w, heights[0] + heights[1] + heights[2], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int y = 0;
        JFreeChart[] charts = {write, bank, recovery};
        for (int i = 0; i < charts.length; i++) {
            charts[i].draw(g, new Rectangle2D.Double(0, y, w, heights[i]));
            y += heights[i];
        }
        g.dispose();
        Path out = ctx.result(".png");
        try {
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static JFreeChart writePath(Results res) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (String[] row : WritePathSection.ROWS) {
            String label = switch (row[0]) {
                case "plainFieldWrite" -> "plain field write";
                case "rawChronicleAppend" -> "raw Chronicle append";
                case "rawChronicleAppendLocked" -> "raw append, locked";
                case "loggedLongWrite" -> "logged long";
                case "loggedStringWrite" -> "logged String";
                case "loggedReferenceWrite" -> "logged reference";
                case "loggedArrayElementWrite" -> "logged array element";
                case "loggedCollectionPut" -> "logged HashMap.put";
                default -> "@Atomic transfer";
            };
            add(ds, res.get("write.1." + row[0]), "1 thread", label);
            add(ds, res.get("write.2." + row[0]), "2 threads (per thread)", label);
        }
        return styled(ChartFactory.createBarChart("1. Write path: ns per operation (lower is better)", null,
                "ns per operation, log scale", ds, PlotOrientation.HORIZONTAL, true, false, false), 0.1, "#,##0.#");
    }

    private static JFreeChart bank(Results res) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String[][] tools = {{"lazarus", "Lazarus @Atomic"}, {"prevayler", "Prevayler 2.6"}, {"eclipsestore", "EclipseStore 2.1.0"},
            {"mvstore", "H2 MVStore"}, {"sqlite", "SQLite WAL"}, {"chroniclemap", "Chronicle Map"},
            {"naive", "Java serialization"}, {"floor", "floor: write(+fdatasync)"},
            {"chronicle", "floor: Chronicle append(+fsync)"}};
        for (String[] t : tools) {
            add(ds, res.get("bank." + t[0] + ".none.tps"), "without forcing", t[1]);
            add(ds, res.get("bank." + t[0] + ".force.tps"), "forcing per commit", t[1]);
        }
        return styled(ChartFactory.createBarChart("2. Bank: durable transfers per second, one thread (higher is better)", null,
                "transfers per second, log scale", ds, PlotOrientation.HORIZONTAL, true, false, false), 10, "#,##0");
    }

    private static JFreeChart recovery(Results res) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        add(ds, res.get("replay.tailer") / 1e6, "M records/s", "raw Chronicle tailer");
        add(ds, res.get("replay.lazarus") / 1e6, "M records/s", "Lazarus recovery (2 passes)");
        add(ds, res.get("replay.redoPass") / 1e6, "M records/s", "Lazarus redo pass");
        JFreeChart c = ChartFactory.createBarChart("3. Recovery: log records replayed per second (higher is better)", null,
                "million records per second", ds, PlotOrientation.HORIZONTAL, false, false, false);
        return styledLinear(c);
    }

    private static void add(DefaultCategoryDataset ds, double v, String series, String category) {
        if (!Double.isNaN(v) && !Double.isInfinite(v) && v > 0) {
            ds.addValue(v, series, category);
        }
    }

    private static JFreeChart styled(JFreeChart chart, double base, String format) {
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = new LogAxis(plot.getRangeAxis().getLabel());
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        axis.setSmallestValue(base);
        double max = base * 10;
        for (int r = 0; r < plot.getDataset().getRowCount(); r++) {
            for (int c = 0; c < plot.getDataset().getColumnCount(); c++) {
                Number v = plot.getDataset().getValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        plot.setRangeAxis(axis);
        axis.setRange(base, max * 6);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBase(base);
        common(chart, plot, r, format);
        return chart;
    }

    private static JFreeChart styledLinear(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        common(chart, plot, (BarRenderer) plot.getRenderer(), "#,##0.0");
        plot.getRangeAxis().setUpperMargin(0.15);
        return chart;
    }

    private static void common(JFreeChart chart, CategoryPlot plot, BarRenderer r, String format) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        plot.setRangeGridlinePaint(Color.GRAY);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < COLORS.length; i++) {
            r.setSeriesPaint(i, COLORS[i]);
        }
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(format)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    }
}
