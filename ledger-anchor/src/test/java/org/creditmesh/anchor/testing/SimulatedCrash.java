package org.creditmesh.anchor.testing;

import java.io.Serial;
import org.creditmesh.anchor.batch.Stage;
import org.creditmesh.anchor.batch.StageHook;

/** Thrown by a {@link StageHook} to stop a batcher at a named stage, as a kill of the process would. */
public final class SimulatedCrash extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(Stage stage, long batchId) {
        super("simulated crash at " + stage + " of batch " + batchId);
    }

    /** A hook that crashes the first time {@code stage} is reached, then never again. */
    public static StageHook at(Stage stage) {
        boolean[] fired = {false};
        return (s, batchId) -> {
            if (s == stage && !fired[0]) {
                fired[0] = true;
                throw new SimulatedCrash(s, batchId);
            }
        };
    }
}
