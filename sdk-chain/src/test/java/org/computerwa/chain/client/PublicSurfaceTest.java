package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain module's public types, found by scanning every non-internal package of
 * {@code org.computerwa.chain} (no hand-kept list): their public signatures speak SDK and JDK
 * types only (no web3j, RxJava, OkHttp, generated wrapper or internal type), and they are final
 * classes, enums or interfaces built by factories and builders, never by public constructors.
 */
class PublicSurfaceTest {
  private static List<Class<?>> scanned;

  static synchronized Stream<Class<?>> publicTypes() {
    if (scanned == null) {
      scanned = new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.computerwa.chain")
          .stream()
          .filter(PublicSurfaceTest::isApi)
          .<Class<?>>map(JavaClass::reflect)
          .sorted(Comparator.comparing(Class::getName))
          .toList();
    }
    return scanned.stream();
  }

  private static boolean isApi(JavaClass c) {
    if (c.getPackageName().contains(".internal") || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theScanFindsTheClientTheDevChainAndTheirNestedBuilders() {
    assertThat(publicTypes().map(Class::getName))
        .contains(
            "org.computerwa.chain.client.ComputeRwaClient",
            "org.computerwa.chain.client.ComputeRwaClient$Builder",
            "org.computerwa.chain.client.ChainException$Kind",
            "org.computerwa.chain.devchain.DevChain")
        .noneMatch(n -> n.contains(".internal."))
        .doesNotContain("org.computerwa.chain.client.Uint256Id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTypes")
  void publicSignaturesMentionNoThirdPartyOrInternalType(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    List<Member> members = new ArrayList<>(List.of(type.getMethods()));
    members.addAll(List.of(type.getConstructors()));
    members.addAll(List.of(type.getFields()));
    for (Member m : members) {
      if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class
          || m.getDeclaringClass() == Enum.class || m.getDeclaringClass() == Throwable.class) {
        continue;
      }
      List<Type> types = new ArrayList<>();
      if (m instanceof Executable e) {
        types.addAll(List.of(e.getGenericParameterTypes()));
        types.addAll(List.of(e.getGenericExceptionTypes()));
      }
      if (m instanceof Method method) {
        types.add(method.getGenericReturnType());
      }
      if (m instanceof Field f) {
        types.add(f.getGenericType());
      }
      for (Type t : types) {
        if (forbidden(t.getTypeName())) {
          leaks.add(m + " uses " + t.getTypeName());
        }
      }
    }
    if (type.getGenericSuperclass() != null && forbidden(type.getGenericSuperclass().getTypeName())) {
      leaks.add(type + " extends " + type.getGenericSuperclass().getTypeName());
    }
    for (Type i : type.getGenericInterfaces()) {
      if (forbidden(i.getTypeName())) {
        leaks.add(type + " implements " + i.getTypeName());
      }
    }
    assertThat(leaks).isEmpty();
    // A record's one public constructor is its canonical one, which validates as its factories do.
    int allowed = type.isRecord() ? 1 : 0;
    assertThat(type.getConstructors()).as("API classes are built by factories and builders").hasSize(allowed);
    if (type.isRecord()) {
      assertThat(type.getConstructors()[0].getParameterTypes()).as("the canonical constructor")
          .containsExactly(Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getType).toArray(Class<?>[]::new));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTypes")
  void everyPublicTypeIsFinalAnEnumOrAnInterface(Class<?> type) {
    assertThat(Modifier.isFinal(type.getModifiers()) || type.isEnum() || type.isInterface()).isTrue();
  }

  private static boolean forbidden(String typeName) {
    return typeName.contains("org.web3j") || typeName.contains("io.reactivex") || typeName.contains("okhttp")
        || typeName.contains("okio") || typeName.contains(".internal.");
  }
}
