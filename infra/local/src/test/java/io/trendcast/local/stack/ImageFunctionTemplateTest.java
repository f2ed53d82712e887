package io.trendcast.local.stack;

import static io.trendcast.local.stack.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.testing.emulators.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The container-image functions of {@code infra/aws/template.yaml} ({@link StackDefinition#IMAGE_FUNCTIONS}) against
 * their code: package type, size, architecture, the Dockerfile SAM builds (base image, x86_64, the natives' cache
 * directory under /tmp, the handler class that exists in the module) and no zip-only property.
 */
class ImageFunctionTemplateTest {

    @Test
    void deeptrainIsAnX8664ImageBuiltFromItsModulesDockerfile() throws IOException {
        Path repo = RepoRoot.find();
        SamTemplate template = SamTemplate.load(repo.resolve("infra/aws/template.yaml"));
        FunctionDefinition function = StackDefinition.DEEPTRAIN;
        Map<String, Object> resource = template.resource(function.logicalId());
        assertEquals("AWS::Serverless::Function", resource.get("Type"));
        Map<String, Object> properties = template.properties(function.logicalId());
        assertEquals("Image", properties.get("PackageType"));
        for (String zipOnly : List.of("CodeUri", "Handler", "Runtime", "SnapStart", "Layers")) {
            assertFalse(properties.containsKey(zipOnly), zipOnly + " is refused on an image function");
        }
        Map<String, Object> globals = map(map(template.root(), "Globals"), "Function");
        for (String zipOnly : List.of("Handler", "Runtime", "SnapStart", "Layers")) {
            assertFalse(globals.containsKey(zipOnly), zipOnly + " in Globals would reach the image function");
        }
        assertEquals(function.memoryMb(), properties.get("MemorySize"));
        assertEquals((int) function.timeout().toSeconds(), properties.get("Timeout"));
        assertEquals(List.of(function.architecture()), properties.get("Architectures"));
        assertTrue((Integer) map(properties, "EphemeralStorage").get("Size") >= 1024,
                "the extracted PyTorch natives (about 450 MB) need more than the default 512 MB of /tmp");
        Map<String, Object> env = map(map(properties, "Environment"), "Variables");
        assertEquals("/tmp/djl", env.get("DJL_CACHE_DIR"));
        assertTrue(env.get(StackDefinition.ENV_JAVA_TOOL_OPTIONS).toString().startsWith(function.javaToolOptions()));

        Map<String, Object> metadata = map(resource, "Metadata");
        Path context = repo.resolve("infra/aws").resolve((String) metadata.get("DockerContext")).normalize();
        assertEquals(repo.resolve(function.module()), context);
        String dockerfile = Files.readString(context.resolve((String) metadata.get("Dockerfile")));
        assertTrue(dockerfile.contains("FROM public.ecr.aws/lambda/java:17"), dockerfile);
        assertTrue(dockerfile.contains("DJL_CACHE_DIR=/tmp/djl"), dockerfile);
        assertTrue(dockerfile.contains("CMD [\"" + StackDefinition.DEEPTRAIN_HANDLER + "\"]"), dockerfile);
        String handlerClass = StackDefinition.DEEPTRAIN_HANDLER.substring(0,
                StackDefinition.DEEPTRAIN_HANDLER.indexOf("::"));
        Path source = context.resolve("src/main/java").resolve(handlerClass.replace('.', '/') + ".java");
        assertTrue(Files.readString(source).contains("implements RequestHandler<S3Event, String>"), source.toString());
        String pom = Files.readString(context.resolve("pom.xml"));
        assertTrue(pom.contains("<finalName>deeptrain</finalName>") && dockerfile.contains("target/deeptrain.jar"),
                "the Dockerfile copies the jar the module builds");
        assertTrue(Files.readString(repo.resolve("shared/deep/pom.xml")).contains("<classifier>linux-x86_64</classifier>"),
                "the image carries the natives of its architecture");
    }
}
