package org.computerwa.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's one value style, enforced over the compiled classes of every module this one sees
 * (sdk-core, sdk-mining, sdk-chain and the examples): a value, a type compared by its content, is
 * a Java record; a class that defines its own equality is a record or on {@link #HAND_WRITTEN},
 * each with the reason it stays a class. The rule is stated once, in the site's Concepts page
 * ({@code site/src/site/markdown/concepts.md}, "Value style"). Whole packages are scanned, so a
 * new class is covered the moment it exists.
 */
class ValueStyleTest {
  /**
   * The classes that define their own equality without being records, and why; each class's
   * Javadoc says the same. Taking a class off this list is the way to convert it.
   */
  static final Map<String, String> HAND_WRITTEN = Map.ofEntries(
      // sdk-mining: the proof-of-work verifier's hot path.
      Map.entry("org.computerwa.mining.pow.BlockHeader",
          "caches its hash, computed once; a record has no field outside its components"),
      Map.entry("org.computerwa.mining.pow.BlockHash",
          "wraps a 32-byte slice of the verifier's buffer with one copy; a record copies again, measured slower"),
      Map.entry("org.computerwa.mining.pow.CompactTarget",
          "decodes nBits once into value and flags; a record would decode per call or take them as components"),
      // sdk-core: byte-array wrappers, cached derivations and numeric equality.
      Map.entry("org.computerwa.core.crypto.Bytes32",
          "every hash the SDK computes is wrapped without a copy; a record's public constructor copies each once more"),
      Map.entry("org.computerwa.core.crypto.Address",
          "wraps a byte array: a record still hand-writes equality and adds a constructor and accessor beside of/toBytes"),
      Map.entry("org.computerwa.core.crypto.Eip712Domain",
          "computes its domain separator once; a record has no field outside its components"),
      Map.entry("org.computerwa.core.crypto.MerkleProof",
          "shares the node array of the tree it was taken from: two representations, one equality"),
      Map.entry("org.computerwa.core.evidence.device.GpuSample",
          "equal by numeric reading (87 = 87.0) with Optional accessors; a record compares scale, returns nullables"),
      // sdk-chain: a view over an internal type.
      Map.entry("org.computerwa.chain.tx.Operation",
          "a view over the journal's internal row; a record would expose that type in its accessor and constructor"));

  private static JavaClasses sdk;

  @BeforeAll
  static void importTheCompiledClasses() {
    sdk = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.computerwa");
  }

  @Test
  void theImportSeesEveryModule() {
    for (String name : List.of("org.computerwa.core.money.TokenAmount", "org.computerwa.mining.pow.HeaderVerifier",
        "org.computerwa.chain.client.ComputeRwaClient", "org.computerwa.examples.cli.ComputerwaCli")) {
      assertThat(sdk.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void noValueIsGeneratedByAnAnnotationProcessor() {
    // sdk-core's values were Immutables-generated; they are records now and the processor is gone
    assertThat(sdk.stream().filter(c -> c.getSimpleName().startsWith("Immutable")).map(JavaClass::getName))
        .isEmpty();
    assertThatThrownBy(() -> Class.forName("org.immutables.value.Value"))
        .as("Immutables is no longer on any module's class path")
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aClassThatDefinesEqualityIsARecordOrOnTheHandWrittenList() {
    assertThat(equalityOffenders(sdk)).isEmpty();
  }

  @Test
  void theRulesCatchAHandWrittenValueAndAnArrayRecordThatComparesIdentity() {
    JavaClasses fixtures = new ClassFileImporter()
        .importClasses(HandWrittenValue.class, ArrayByIdentity.class, ArrayByContent.class);
    assertThat(equalityOffenders(fixtures)).containsOnlyKeys(HandWrittenValue.class.getName());
    assertThat(arrayRecordOffenders(fixtures)).containsOnlyKeys(ArrayByIdentity.class.getName());
  }

  /** A value written by hand and on no list: the equality rule must flag it. */
  static final class HandWrittenValue {
    private final int amount;

    HandWrittenValue(int amount) {
      this.amount = amount;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HandWrittenValue && ((HandWrittenValue) o).amount == amount;
    }

    @Override
    public int hashCode() {
      return amount;
    }
  }

  /** A record whose generated equality compares its array's identity: the array rule must flag it. */
  record ArrayByIdentity(byte[] bytes) {}

  /** A record that compares its array's content: neither rule flags it. */
  record ArrayByContent(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArrayByContent && Arrays.equals(bytes, ((ArrayByContent) o).bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "ArrayByContent" + Arrays.toString(bytes);
    }
  }

  @Test
  void everyHandWrittenClassStillNeedsItsPlaceOnTheList() {
    for (String name : HAND_WRITTEN.keySet()) {
      assertThat(sdk.contain(name)).as(name + " no longer exists: take it off the list").isTrue();
      JavaClass c = sdk.get(name);
      assertThat(c.isRecord()).as(name + " is a record now: take it off the list").isFalse();
      assertThat(declaresEquals(c)).as(name + " no longer defines equality: take it off the list").isTrue();
      assertThat(c.getModifiers()).as(name + " is final").contains(JavaModifier.FINAL);
    }
  }

  @Test
  void equalsAndHashCodeAreDefinedTogether() {
    List<String> unpaired = sdk.stream()
        .filter(c -> writesOwn(c, "equals", 1) != writesOwn(c, "hashCode", 0))
        .map(JavaClass::getName)
        .collect(Collectors.toList());
    assertThat(unpaired).isEmpty();
  }

  @Test
  void aRecordWithAnArrayComponentWritesItsOwnEqualsHashCodeAndToString() {
    assertThat(arrayRecordOffenders(sdk)).isEmpty();
  }

  private static Map<String, String> equalityOffenders(JavaClasses classes) {
    Map<String, String> offenders = new TreeMap<>();
    for (JavaClass c : classes) {
      if (declaresEquals(c) && !c.isRecord() && !HAND_WRITTEN.containsKey(c.getName())) {
        offenders.put(c.getName(), "overrides equals but is neither a record nor on HAND_WRITTEN with a reason");
      }
    }
    return offenders;
  }

  private static Map<String, String> arrayRecordOffenders(JavaClasses classes) {
    Map<String, String> offenders = new TreeMap<>();
    for (JavaClass c : classes) {
      if (!c.isRecord()) {
        continue;
      }
      for (var component : c.reflect().getRecordComponents()) {
        if (component.getType().isArray()
            && (!writesOwn(c, "equals", 1) || !writesOwn(c, "hashCode", 0) || !writesOwn(c, "toString", 0))) {
          offenders.put(c.getName(), component.getName() + " is an array: equals, hashCode and toString must "
              + "compare and show its content, not its identity");
        }
      }
    }
    return offenders;
  }

  private static boolean declaresEquals(JavaClass c) {
    return c.getMethods().stream().anyMatch(m -> m.getName().equals("equals") && m.getRawParameterTypes().size() == 1
        && m.getRawParameterTypes().get(0).isEquivalentTo(Object.class));
  }

  /**
   * Whether {@code c} has its own body for the method: javac emits a record's equals, hashCode and
   * toString as one invokedynamic on the record's accessors' handles, which reads no field and
   * calls no method; a written body does both.
   */
  private static boolean writesOwn(JavaClass c, String name, int parameters) {
    for (JavaMethod m : c.getMethods()) {
      if (m.getName().equals(name) && m.getRawParameterTypes().size() == parameters
          && !m.getAccessesFromSelf().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
