package org.computerwa.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sdk-mining's one value style, enforced over its compiled classes (the rule is stated in
 * {@code sdk-mining/README.md}): a value is a record; a class that defines its own equality is
 * a record or on {@link #HAND_WRITTEN}, each with the reason it stays a class. Whole packages are
 * scanned, so a new class is covered the moment it exists.
 */
class ValueStyleTest {
  /** The values that stay hand-written classes, and why; each class's Javadoc says the same. */
  static final Map<String, String> HAND_WRITTEN = Map.of(
      "org.computerwa.mining.pow.BlockHeader",
      "caches its hash, computed once; a record has no field outside its components",
      "org.computerwa.mining.pow.BlockHash",
      "wraps a 32-byte slice of the verifier's buffer with one copy; a record copies again, measured slower",
      "org.computerwa.mining.pow.CompactTarget",
      "decodes nBits once into value and flags; a record would decode per call or take them as components");

  private static JavaClasses mining;

  @BeforeAll
  static void importTheCompiledClasses() {
    mining = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.computerwa.mining");
  }

  @Test
  void theImportSeesTheModule() {
    assertThat(mining.contain("org.computerwa.mining.pow.HeaderVerifier")).isTrue();
    assertThat(mining.contain("org.computerwa.mining.policy.Allocation")).isTrue();
  }

  @Test
  void aClassThatDefinesEqualityIsARecordOrOnTheHandWrittenList() {
    Map<String, String> offenders = new TreeMap<>();
    for (JavaClass c : mining) {
      if (declaresEquals(c) && !c.isRecord() && !HAND_WRITTEN.containsKey(c.getName())) {
        offenders.put(c.getName(), "overrides equals but is neither a record nor on HAND_WRITTEN with a reason");
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void everyHandWrittenValueStillNeedsItsPlaceOnTheList() {
    for (String name : HAND_WRITTEN.keySet()) {
      JavaClass c = mining.get(name);
      assertThat(c.isRecord()).as(name + " is a record now: take it off the list").isFalse();
      assertThat(declaresEquals(c)).as(name + " defines equality").isTrue();
      assertThat(c.getModifiers()).as(name).contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL);
    }
  }

  @Test
  void equalsAndHashCodeAreDefinedTogether() {
    List<String> unpaired = mining.stream()
        .filter(c -> writesOwn(c, "equals", 1) != writesOwn(c, "hashCode", 0))
        .map(JavaClass::getName)
        .collect(Collectors.toList());
    assertThat(unpaired).isEmpty();
  }

  @Test
  void aRecordWithAnArrayComponentWritesItsOwnEqualsHashCodeAndToString() {
    Map<String, String> offenders = new TreeMap<>();
    for (JavaClass c : mining) {
      if (!c.isRecord()) {
        continue;
      }
      Class<?> type = c.reflect();
      for (var component : type.getRecordComponents()) {
        if (component.getType().isArray()) {
          if (!writesOwn(c, "equals", 1) || !writesOwn(c, "hashCode", 0) || !writesOwn(c, "toString", 0)) {
            offenders.put(c.getName(), component.getName() + " is an array: equals, hashCode and toString must "
                + "compare and show its content, not its identity");
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
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
