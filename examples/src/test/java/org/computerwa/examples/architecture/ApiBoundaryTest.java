package org.computerwa.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's public surface, enforced over the compiled classes of every module this one sees
 * (sdk-core, sdk-mining, sdk-chain and the examples themselves): nothing outside a module uses
 * its {@code internal} packages, and no public signature of an API type exposes an internal,
 * web3j, RxJava, OkHttp or generated-wrapper type. Whole packages are scanned, so a new class is
 * covered the moment it exists.
 */
class ApiBoundaryTest {
  private static JavaClasses sdk;

  @BeforeAll
  static void importTheCompiledClasses() {
    sdk = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.computerwa");
  }

  @Test
  void everyModuleIsOnTheClassPath() {
    for (String pkg : List.of("org.computerwa.core", "org.computerwa.mining.pow", "org.computerwa.chain.client",
        "org.computerwa.examples.cli")) {
      assertThat(sdk.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  @ParameterizedTest(name = "org.computerwa.{0}")
  @ValueSource(strings = {"core", "mining", "chain"})
  void nothingOutsideAModuleUsesItsInternalPackages(String module) {
    noClasses()
        .that().resideOutsideOfPackage("org.computerwa." + module + "..")
        .should().dependOnClassesThat().resideInAPackage("org.computerwa." + module + "..internal..")
        .because("internal packages are implementation; examples and the CLI use the API only")
        .check(sdk);
  }

  @Test
  void examplesAndTheCliUseNoWeb3jOrRxJavaType() {
    noClasses()
        .that().resideInAPackage("org.computerwa.examples..")
        .should().dependOnClassesThat().resideInAnyPackage("org.web3j..", "io.reactivex..", "okhttp3..")
        .because("the SDK's API speaks sdk-core types")
        .check(sdk);
  }

  @Test
  void publicSignaturesOfApiTypesExposeNoInternalOrThirdPartyChainType() {
    classes()
        .that(API_TYPE)
        .should(EXPOSE_NO_FORBIDDEN_TYPE)
        .check(sdk);
  }

  @Test
  void theSignatureRuleCatchesAnInternalTypeInsideAGenericAndAWeb3jParameter() {
    JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
    var result = classes().should(EXPOSE_NO_FORBIDDEN_TYPE).evaluate(leaky);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("exposes org.computerwa.chain.internal.contracts.LeaseManager"))
        .anyMatch(d -> d.contains("exposes org.web3j.crypto.Credentials"))
        .noneMatch(d -> d.contains("hidden"));
  }

  /** A type that breaks the signature rule twice, and hides a third use where it is allowed. */
  public static final class Leaky {
    private Leaky() {}

    /**
     * Leaks both.
     *
     * @param credentials a web3j type
     * @return an internal type inside a generic
     */
    public List<org.computerwa.chain.internal.contracts.LeaseManager> sessions(org.web3j.crypto.Credentials credentials) {
      return List.of();
    }

    @SuppressWarnings("unused")
    private org.computerwa.chain.internal.contracts.LeaseManager hidden() {
      throw new UnsupportedOperationException();
    }
  }

  /** Public types (all enclosing types public too) in non-internal SDK packages. */
  static final DescribedPredicate<JavaClass> API_TYPE =
      DescribedPredicate.describe("are public API types of sdk-core, sdk-mining or sdk-chain", c -> {
        String pkg = c.getPackageName();
        boolean sdkPackage = pkg.startsWith("org.computerwa.core") || pkg.startsWith("org.computerwa.mining")
            || pkg.startsWith("org.computerwa.chain");
        if (!sdkPackage || pkg.contains(".internal") || c.isAnonymousClass() || c.isLocalClass()) {
          return false;
        }
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
          if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
          }
        }
        return true;
      });

  /** A type that must not appear in a public signature. */
  static boolean forbidden(JavaClass t) {
    String name = t.getName();
    return name.contains(".internal.") || name.startsWith("org.web3j.") || name.startsWith("io.reactivex.")
        || name.startsWith("okhttp3.") || name.startsWith("okio.");
  }

  static final ArchCondition<JavaClass> EXPOSE_NO_FORBIDDEN_TYPE =
      new ArchCondition<>("expose no internal, web3j, RxJava, OkHttp or generated-wrapper type in a public signature") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          Set<JavaClass> supertypes = new LinkedHashSet<>(c.getRawInterfaces());
          c.getRawSuperclass().ifPresent(supertypes::add);
          for (JavaClass s : supertypes) {
            if (forbidden(s)) {
              events.add(SimpleConditionEvent.violated(c, c.getName() + " extends or implements " + s.getName()));
            }
          }
          for (JavaMember m : c.getMembers()) {
            Set<JavaModifier> mods = m.getModifiers();
            if (!mods.contains(JavaModifier.PUBLIC) && !mods.contains(JavaModifier.PROTECTED)) {
              continue;
            }
            if (mods.contains(JavaModifier.SYNTHETIC) || mods.contains(JavaModifier.BRIDGE)) {
              continue;
            }
            Set<JavaClass> involved = new LinkedHashSet<>();
            if (m instanceof JavaField f) {
              involved.addAll(f.getType().getAllInvolvedRawTypes());
            } else if (m instanceof JavaCodeUnit u) {
              involved.addAll(u.getReturnType().getAllInvolvedRawTypes());
              for (JavaType p : u.getParameterTypes()) {
                involved.addAll(p.getAllInvolvedRawTypes());
              }
              involved.addAll(u.getThrowsClause().getTypes());
            }
            for (JavaClass t : involved) {
              if (forbidden(t)) {
                events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes " + t.getName()));
              }
            }
          }
        }
      };
}
