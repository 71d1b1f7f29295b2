package io.quire.schema;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every user-facing text of the schemas module, so wording is reviewed in one place (JGit's
 * {@code JGitText}). Parse problems and document violations are built from these; other modules
 * should not depend on the exact wording.
 */
public final class SchemaText {
    private SchemaText() {
    }

    // --- reading the text ---------------------------------------------------------------------

    public static String textTooLarge(long bytes, long limit) {
        return "the schema text is " + bytes + " bytes; the limit is " + limit + " bytes (1 MiB)";
    }

    public static String textEmpty() {
        return "the schema text is empty; expected an object with name, version and types";
    }

    public static String syntax(String format, String detail) {
        return format + " syntax error: " + detail;
    }

    public static String trailingContent() {
        return "unexpected content after the schema object; a schema text holds exactly one object";
    }

    public static String multipleYamlDocuments() {
        return "a second YAML document (---) was found; a schema text holds exactly one document";
    }

    public static String yamlAlias() {
        return "YAML aliases (*name) are not supported; write the value out in full";
    }

    public static String unsupportedValue() {
        return "this kind of value (e.g. a !!binary scalar) is not supported in a schema";
    }

    public static String tooDeep(int maxDepth) {
        return "values are nested more than " + maxDepth + " levels deep";
    }

    public static String duplicateKey(String key, int firstLine, int firstColumn) {
        return "duplicate key \"" + key + "\" (first given at line " + firstLine + ", column " + firstColumn + ")";
    }

    public static String unknownKey(String key, Collection<String> allowed, Optional<String> suggestion) {
        return "unknown key \"" + key + "\"" + suggestion.map(s -> "; did you mean \"" + s + "\"?").orElse(".")
                + " Allowed here: " + String.join(", ", allowed);
    }

    public static String missingKey(String key) {
        return "missing required key \"" + key + "\"";
    }

    public static String wrongValueType(String expected, String found) {
        return "expected " + expected + ", found " + found;
    }

    // --- schema rules ---------------------------------------------------------------------------

    public static String badName(String what, String value) {
        return "\"" + value + "\" is not a valid " + what + ": expected " + Names.NAME_GRAMMAR
                + " (lower-case letter, then up to 63 lower-case letters, digits, '_' or '-')";
    }

    public static String badVersion(String found) {
        return "version must be a positive integer from 1 to " + Integer.MAX_VALUE + ", found " + found;
    }

    public static String emptyTypes() {
        return "types must declare at least one document type";
    }

    public static String tooMany(String what, int count, int limit) {
        return count + " " + what + " declared; the limit is " + limit;
    }

    public static String scriptTooLarge(long bytes, long limit) {
        return "script source is " + bytes + " bytes; the limit is " + limit + " bytes (256 KiB)";
    }

    public static String scriptBlank() {
        return "script source is blank; give the JavaScript text of the merge policy";
    }

    public static String badOnConflict(String value) {
        return "unknown onConflict \"" + value + "\"; expected " + wireNames(OnConflict.values());
    }

    public static String badFieldType(String value, Optional<String> suggestion) {
        return "unknown field type \"" + value + "\"" + suggestion.map(s -> "; did you mean \"" + s + "\"?").orElse(".")
                + " Expected one of: " + wireNames(FieldType.values());
    }

    public static String itemsOnNonArray(FieldType type) {
        return "items applies only to array fields; this field is of type " + type.wireName();
    }

    public static String unknownPolicy(String name, Collection<String> known, Optional<String> suggestion) {
        return "unknown merge policy \"" + name + "\"" + suggestion.map(s -> "; did you mean " + s + "?").orElse(".")
                + " Known policies: " + sorted(known) + ", or {script: NAME} for a script in scripts";
    }

    public static String unknownScript(String name, Collection<String> declared) {
        return "script \"" + name + "\" is not declared in scripts"
                + (declared.isEmpty() ? " (the schema declares no scripts)" : "; declared: " + sorted(declared));
    }

    public static String policyNotApplicable(String policy, FieldType fieldType, Collection<FieldType> applies) {
        return "merge policy " + policy + " applies to " + wireNames(applies.toArray(FieldType[]::new))
                + " fields; this field is of type " + fieldType.wireName();
    }

    public static String groupPolicyNotWholeValue(String policy) {
        return "merge policy " + policy + " merges a single value; a group is merged as one unit, with lww,"
                + " immutable, a registered policy or a {script: NAME}";
    }

    public static String groupEmpty() {
        return "a group must list at least one field";
    }

    public static String groupMemberUndeclared(String member) {
        return "\"" + member + "\" is not a declared field of this type";
    }

    public static String groupMemberRepeated(String member) {
        return "\"" + member + "\" is listed twice in this group";
    }

    public static String groupMemberInTwoGroups(String member, String otherGroup) {
        return "\"" + member + "\" is already in group \"" + otherGroup + "\"; a field belongs to at most one group";
    }

    public static String groupNameIsField(String name) {
        return "group name \"" + name + "\" is also a field name; group and field names must differ";
    }

    public static String fieldMergeConflictsWithGroup(String group, String groupPolicy) {
        return "this field is in group \"" + group + "\", merged as one unit with " + groupPolicy
                + "; remove merge here or make it equal";
    }

    public static String sequenceOnNonInteger(FieldType type) {
        return "a sequence key must be an integer field; this field is of type " + type.wireName();
    }

    public static String sequenceFieldUndeclared(String role, String field) {
        return role + " names \"" + field + "\", which is not a declared field of this type";
    }

    public static String sequenceScopedBySelf() {
        return "a sequence cannot be scoped by its own field";
    }

    public static String listedTwice(String name) {
        return "\"" + name + "\" is listed twice";
    }

    public static String counterIdFieldNotInScope(String idField) {
        return "counter.idField \"" + idField + "\" must be one of the scope fields, so all documents of one"
                + " sequence share one counter";
    }

    public static String counterTypeUndeclared(String type) {
        return "counter.type \"" + type + "\" is not a declared document type";
    }

    public static String counterFieldUndeclared(String field, String type) {
        return "counter.field \"" + field + "\" is not a declared field of type \"" + type + "\"";
    }

    public static String counterFieldNotInteger(String field, String type, FieldType actual) {
        return "counter.field \"" + field + "\" of type \"" + type + "\" must be an integer field, it is "
                + actual.wireName();
    }

    public static String fieldNameEmpty() {
        return "a field name must not be empty";
    }

    public static String fieldNameDollar(String name) {
        return "field name \"" + name + "\" must not start with '$' (reserved for values such as {\"$blob\": …})";
    }

    public static String fieldNameTooLong(int limit) {
        return "a field name must be at most " + limit + " characters";
    }

    // --- documents ------------------------------------------------------------------------------

    public static String requiredMissing() {
        return "required field is missing";
    }

    public static String requiredNull() {
        return "required field is null";
    }

    public static String undeclaredField() {
        return "field is not declared in the schema, and the type is strict";
    }

    public static String integerOutOfRange() {
        return "expected an integer that fits in 64 bits (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")";
    }

    public static String blobShape() {
        return "expected a blob: {\"$blob\": \"<40 hex digits>\", \"size\": <integer>} or {\"$base64\": \"<base64>\"}";
    }

    public static String blobId() {
        return "expected a Git object id: 40 lower-case hex digits";
    }

    public static String blobSize() {
        return "expected the blob size in bytes: an integer from 0 to " + Long.MAX_VALUE;
    }

    public static String base64() {
        return "expected base64 text (RFC 4648 section 4 alphabet)";
    }

    private static String wireNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> switch (v) {
            case FieldType t -> t.wireName();
            case OnConflict c -> c.wireName();
            default -> v.name();
        }).collect(Collectors.joining(", "));
    }

    private static String sorted(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }
}
