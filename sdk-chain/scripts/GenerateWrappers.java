/*
 * Generates web3j contract wrappers from the compiled artifacts (one <Contract>.json per contract,
 * written by compile.mjs). Run by the Maven build as a single-file Java program:
 *
 *   java -cp <web3j codegen classpath> scripts/GenerateWrappers.java ARTIFACT_DIR OUT_DIR PACKAGE
 *
 * Skips the work when every wrapper is newer than its artifact.
 */
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.web3j.codegen.SolidityFunctionWrapper;
import org.web3j.protocol.core.methods.response.AbiDefinition;

public final class GenerateWrappers {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateWrappers ARTIFACT_DIR OUT_DIR PACKAGE");
    }
    File artifactDir = new File(args[0]);
    File outDir = new File(args[1]);
    String pkg = args[2];
    File[] artifacts = artifactDir.listFiles((d, n) -> n.endsWith(".json"));
    if (artifacts == null) {
      return;
    }
    Arrays.sort(artifacts);
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    File pkgDir = new File(outDir, pkg.replace('.', File.separatorChar));
    for (File artifact : artifacts) {
      JsonNode root = json.readTree(artifact);
      String name = root.get("contractName").asText();
      File wrapper = new File(pkgDir, name + ".java");
      if (wrapper.isFile() && wrapper.lastModified() >= artifact.lastModified()) {
        continue;
      }
      List<AbiDefinition> abi =
          Arrays.asList(json.treeToValue(root.get("abi"), AbiDefinition[].class));
      String bin = root.get("bytecode").asText();
      new SolidityFunctionWrapper(true)
          .generateJavaFiles(name, bin, abi, outDir.getPath(), pkg, Map.of());
    }
  }
}
