package io.trendcast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The DeepAR network: features of each period (batch, time, features) and the series index (batch) in, the
 * Student-t parameters of each period's value (batch, time, [location, scale, degrees of freedom]) and the LSTM state
 * out. For long seasons the location is the network's output plus the seasonal lag feature (a skip connection: the
 * network learns the correction to the seasonal-naive value, as the Tribuo global model does; see
 * {@code Panel.baseColumn}). A learned embedding of the series index joins the features at every step; the optional
 * inputs 3 and 4 are the LSTM's initial hidden and cell states (layers, batch, hidden), which is how forecasting
 * continues step by step.
 */
final class DeepArNetwork extends AbstractBlock {

    /** Outputs per period: location, scale, degrees of freedom. */
    static final int PARAMS = 3;

    private static final byte VERSION = 1;

    /** Dropout between LSTM layers while training (GluonTS DeepAR's default). */
    private static final float DROPOUT = 0.1f;

    private final int features;
    private final int baseColumn;
    private final int embeddingSize;
    private final int hidden;
    private final int layers;
    private final Parameter embedding;
    private final LSTM lstm;
    private final Linear head;

    DeepArNetwork(int features, int baseColumn, int series, DeepArConfig config) {
        super(VERSION);
        this.features = features;
        this.baseColumn = baseColumn;
        this.embeddingSize = config.embeddingSize();
        this.hidden = config.hiddenSize();
        this.layers = config.layers();
        this.embedding = embeddingSize == 0 ? null : addParameter(Parameter.builder().setName("embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(series, embeddingSize))
                .optInitializer(new NormalInitializer(0.1f)).build());
        this.lstm = addChildBlock("lstm", LSTM.builder().setStateSize(hidden).setNumLayers(layers)
                .optBatchFirst(true).optReturnState(true).optDropRate(config.layers() > 1 ? DROPOUT : 0f).build());
        this.head = addChildBlock("head", Linear.builder().setUnits(PARAMS).build());
    }

    /** Shapes to initialise with: features (batch, time, features) and series indices (batch). */
    Shape[] inputShapes(int batch, int time) {
        return new Shape[] {new Shape(batch, time, features), new Shape(batch)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        lstm.initialize(manager, dataType, new Shape(x.get(0), x.get(1), features + embeddingSize));
        head.initialize(manager, dataType, new Shape(x.get(0), x.get(1), hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        Shape state = new Shape(layers, x.get(0), hidden);
        return new Shape[] {new Shape(x.get(0), x.get(1), PARAMS), state, state};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray base = baseColumn < 0 ? null : x.get(":, :, " + baseColumn);
        if (embedding != null) {
            NDArray table = ps.getValue(embedding, x.getDevice(), training);
            NDArray e = table.get(inputs.get(1)).expandDims(1);
            x = x.concat(e.broadcast(new Shape(x.getShape().get(0), x.getShape().get(1), embeddingSize)), 2);
        }
        NDList in = inputs.size() > 2 ? new NDList(x, inputs.get(2), inputs.get(3)) : new NDList(x);
        NDList out = lstm.forward(ps, in, training);
        NDArray raw = head.forward(ps, new NDList(out.get(0)), training).singletonOrThrow();
        NDArray loc = base == null ? raw.get(":, :, 0") : raw.get(":, :, 0").add(base);
        NDArray scale = Activation.softPlus(raw.get(":, :, 1")).add(Scalars.of(raw.getManager(), 1e-3f));
        NDArray dof = Activation.softPlus(raw.get(":, :, 2")).add(Scalars.of(raw.getManager(), 2f));
        return new NDList(NDArrays.stack(new NDList(loc, scale, dof), 2), out.get(1), out.get(2));
    }
}
