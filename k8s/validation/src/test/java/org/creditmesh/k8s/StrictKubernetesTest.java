package org.creditmesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The validator itself: it must refuse what the API server refuses, or the manifests test proves nothing. */
class StrictKubernetesTest {

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: example}
            spec:
              replicas: %s
              serviceName: example
              selector: {matchLabels: {app: example}}
              template:
                metadata: {labels: {app: example}}
                spec:
                  containers:
                    - name: example
                      image: example:1
                      %s
                      env:
                        - {name: PORT, value: %s}
            """;

    private static JsonNode document(String replicas, String extraContainerField, String envValue) throws IOException {
        return Kustomize.documents(STATEFUL_SET.formatted(replicas, extraContainerField, envValue)).getFirst();
    }

    @Test
    void aValidObjectParsesToItsTypedModel() throws IOException {
        HasMetadata parsed = StrictKubernetes.parse(document("2", "imagePullPolicy: Always", "\"8080\""));
        assertThat(parsed).isInstanceOf(StatefulSet.class);
        assertThat(((StatefulSet) parsed).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPath() throws IOException {
        assertThatThrownBy(() -> StrictKubernetes.parse(document("2", "imagePullPolicyy: Always", "\"8080\"")))
                .hasMessageContaining("StatefulSet example")
                .hasMessageContaining("unknown field [imagePullPolicyy]")
                .hasMessageContaining(".spec.template.spec.containers[0]");
    }

    @Test
    void aStringWhereANumberIsDeclaredIsRefused() throws IOException {
        assertThatThrownBy(() -> StrictKubernetes.parse(document("\"2\"", "imagePullPolicy: Always", "\"8080\"")))
                .hasMessageContaining("StatefulSet example").hasMessageContaining("[\"replicas\"]");
    }

    @Test
    void aNumberWhereAStringIsDeclaredIsRefused() throws IOException {
        assertThatThrownBy(() -> StrictKubernetes.parse(document("2", "imagePullPolicy: Always", "8080")))
                .hasMessageContaining("StatefulSet example").hasMessageContaining("[\"value\"]");
    }

    @Test
    void anObjectWhereAListIsDeclaredIsRefused() throws IOException {
        assertThatThrownBy(() -> StrictKubernetes.parse(document("2", "args: {a: b}", "\"8080\"")))
                .hasMessageContaining("StatefulSet example");
    }

    @Test
    void anUnknownKindIsRefused() throws IOException {
        JsonNode unknown = Kustomize.documents("apiVersion: apps/v1\nkind: StatefullSet\nmetadata: {name: x}\n").getFirst();
        assertThatThrownBy(() -> StrictKubernetes.parse(unknown)).hasMessageContaining("StatefullSet");
    }
}
