package dev.gigstream.messages.common;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that keeps personal data from slipping into the event store in clear: every text component
 * of the given types (and of the records nested in them) is either {@link PersonalData}, whose subject
 * names another component of the same record, or {@link NotPersonal}, or on an explicit list of
 * not-personal components ({@code "SimpleName.component"}). Answers what breaks the rule, nothing when
 * all is well.
 */
final class PersonalDataMarking {

    private PersonalDataMarking() {
    }

    static List<String> violations(Collection<Class<?>> types, Set<String> notPersonal) {
        List<String> found = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        types.forEach(type -> check(type, notPersonal, found, seen));
        return found;
    }

    private static void check(Class<?> type, Set<String> notPersonal, List<String> found, Set<Class<?>> seen) {
        if (!seen.add(type) || type.isEnum() || type.isPrimitive() || type.getName().startsWith("java.")) {
            return;
        }
        List<Member> members = members(type);
        Set<String> names = new HashSet<>();
        members.forEach(member -> names.add(member.name()));
        for (Member member : members) {
            String where = type.getSimpleName() + "." + member.name();
            PersonalData personal = member.element().getAnnotation(PersonalData.class);
            boolean saidNotPersonal = member.element().isAnnotationPresent(NotPersonal.class) || notPersonal.contains(where);
            if (personal != null && saidNotPersonal) {
                found.add(where + " is both personal and not personal");
            } else if (personal != null) {
                if (personal.subject().equals(member.name()) || !names.contains(personal.subject())) {
                    found.add(where + " names subject '" + personal.subject() + "', not another component of " + type.getSimpleName());
                }
            } else if (!saidNotPersonal && holdsText(member.genericType())) {
                found.add(where + " holds text but is neither @PersonalData nor @NotPersonal");
            }
            if (personal == null) {
                nestedTypes(member.genericType()).forEach(nested -> check(nested, notPersonal, found, seen));
            }
        }
    }

    private record Member(String name, AnnotatedElement element, Type genericType) {
    }

    private static List<Member> members(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map((RecordComponent c) -> new Member(c.getName(), c, c.getGenericType()))
                    .toList();
        }
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .map((Field f) -> new Member(f.getName(), f, f.getGenericType()))
                .toList();
    }

    /** Text itself, or a container (collection, map, optional, array) with text in it. */
    private static boolean holdsText(Type type) {
        if (type == String.class || type == char[].class || type == CharSequence.class) {
            return true;
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return holdsText(c.getComponentType());
        }
        return type instanceof ParameterizedType p && Arrays.stream(p.getActualTypeArguments()).anyMatch(PersonalDataMarking::holdsText);
    }

    /** The classes a component's value is made of, to be checked in turn (records inside lists included). */
    private static List<Class<?>> nestedTypes(Type type) {
        List<Class<?>> nested = new ArrayList<>();
        if (type instanceof Class<?> c) {
            nested.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(argument -> nested.addAll(nestedTypes(argument)));
        }
        return nested;
    }
}
