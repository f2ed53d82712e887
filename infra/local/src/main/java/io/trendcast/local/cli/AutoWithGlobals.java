package io.trendcast.local.cli;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.select.GlobalSelection;
import io.trendcast.core.select.Methods;
import io.trendcast.core.select.MultiGlobalSelection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code auto} with the global model and/or DeepAR as candidates: per series the candidates are gathered (in
 * parallel), then each group of series sharing the same fitted models is decided together. With the global model
 * alone this is {@link GlobalSelection}; with DeepAR too, {@link MultiGlobalSelection}. The local side is judged by
 * {@code auto}'s held-out fold ({@link Methods#autoWithHeldOutFold()}), as the train function judges it.
 */
final class AutoWithGlobals {

    private record Group(GlobalModel global, GlobalModel deep) {
    }

    private final GlobalStage global;
    private final GlobalStage deep;
    private final double[] levels;
    private final Map<Group, Object> selections = new ConcurrentHashMap<>();
    private final Map<Group, ConcurrentLinkedQueue<Object>> pending = new ConcurrentHashMap<>();

    /** Either stage may be null. */
    AutoWithGlobals(GlobalStage global, GlobalStage deep, double[] levels) {
        this.global = global;
        this.deep = deep;
        this.levels = levels;
    }

    /** Whether series {@code id} has a global candidate (otherwise it gets plain {@code auto}). */
    boolean covers(String id) {
        return group(id) != null;
    }

    /** Gathers the candidates of one covered series; false (and a failure recorded) when that fails. */
    boolean submit(String id, int horizon, Collection<String> failures) {
        Group g = group(id);
        SeriesInput in = (g.global() != null ? global : deep).inputs.get(id);
        Object selection = selections.computeIfAbsent(g, this::selection);
        Object c;
        try {
            c = selection instanceof GlobalSelection gs ? gs.candidates(in, horizon, levels)
                    : ((MultiGlobalSelection) selection).candidates(in, horizon, levels);
        } catch (RuntimeException e) {
            failures.add("auto on '" + id + "': " + e.getMessage());
            return false;
        }
        pending.computeIfAbsent(g, k -> new ConcurrentLinkedQueue<>()).add(c);
        return true;
    }

    /** The choice of every submitted series, by id. */
    Map<String, Forecast> chooseAll() {
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (ConcurrentLinkedQueue<Object> q : pending.values()) {
            List<Object> all = new ArrayList<>(q);
            if (all.get(0) instanceof GlobalSelection.Candidates) {
                out.putAll(GlobalSelection.choose(all.stream().map(GlobalSelection.Candidates.class::cast).toList()));
            } else {
                out.putAll(MultiGlobalSelection.choose(
                        all.stream().map(MultiGlobalSelection.Candidates.class::cast).toList()));
            }
        }
        return out;
    }

    private Group group(String id) {
        GlobalModel g = global == null ? null : global.modelOf(id);
        GlobalModel d = deep == null ? null : deep.modelOf(id);
        return g == null && d == null ? null : new Group(g, d);
    }

    private Object selection(Group g) {
        if (g.deep() == null) {
            return new GlobalSelection(Methods.autoWithHeldOutFold(), g.global(), levels);
        }
        Map<String, GlobalModel> models = new LinkedHashMap<>();
        if (g.global() != null) {
            models.put("global", g.global());
        }
        models.put("deepar", g.deep());
        return new MultiGlobalSelection(Methods.autoWithHeldOutFold(), models, levels);
    }
}
