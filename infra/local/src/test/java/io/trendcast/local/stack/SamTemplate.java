package io.trendcast.local.stack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A SAM template read with SnakeYAML, the short intrinsic tags turned into their long form: {@code !Ref X} into
 * {@code {Ref: X}}, {@code !Sub s} into {@code {Fn::Sub: s}}, {@code !GetAtt A.B} into {@code {Fn::GetAtt: A.B}},
 * and so on for every {@code !Tag}.
 */
final class SamTemplate {

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new SamTemplate(new Yaml(new IntrinsicConstructor()).load(reader));
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root, "Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources(), logicalId);
        if (resource == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return resource;
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId), "Properties");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object parent, String key) {
        return (Map<String, Object>) ((Map<String, Object>) parent).get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object parent, String key) {
        Object value = ((Map<String, Object>) parent).get(key);
        return value instanceof List<?> l ? (List<Object>) l : value == null ? List.of() : List.of(value);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
