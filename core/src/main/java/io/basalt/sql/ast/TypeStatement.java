package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements that create, change and drop user-defined types: {@code CREATE TYPE name AS ENUM (...)},
 * {@code ALTER TYPE name ADD VALUE / RENAME VALUE}, {@code DROP TYPE}.
 */
public sealed interface TypeStatement extends Statement {
    /** {@code CREATE TYPE name AS ENUM ('label', ...)}. */
    record CreateEnum(QualifiedName name, List<String> labels, int position) implements TypeStatement {
        public CreateEnum {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' [BEFORE | AFTER 'neighbor']}; {@code neighbor} is null
     * without BEFORE / AFTER.
     */
    record AddEnumValue(QualifiedName name, String label, boolean ifNotExists, String neighbor, boolean before,
                        int position) implements TypeStatement {
    }

    /** {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'}. */
    record RenameEnumValue(QualifiedName name, String from, String to, int position) implements TypeStatement {
    }

    /** {@code ALTER TYPE name RENAME TO newName}. */
    record Rename(QualifiedName name, String newName, int position) implements TypeStatement {
    }

    /** {@code DROP TYPE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    record Drop(List<QualifiedName> names, boolean ifExists, boolean cascade, int position) implements TypeStatement {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** {@code CREATE TYPE name AS (field type, ...)}: a composite type. */
    record CreateComposite(QualifiedName name, List<String> fieldNames, List<TypeName> fieldTypes, int position)
            implements TypeStatement {
        public CreateComposite {
            fieldNames = List.copyOf(fieldNames);
            fieldTypes = List.copyOf(fieldTypes);
        }
    }

    /**
     * {@code CREATE TYPE name AS RANGE (subtype = type, ...)}: {@code attributes} are the labels written, in
     * order; {@code subtype} is null when none was given.
     */
    record CreateRange(QualifiedName name, TypeName subtype, List<String> attributes, int position)
            implements TypeStatement {
        public CreateRange {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * {@code ALTER TYPE name action [, ...]} of a composite type's attributes: ADD ATTRIBUTE, DROP ATTRIBUTE
     * [IF EXISTS], ALTER ATTRIBUTE ... [SET DATA] TYPE, or (alone) RENAME ATTRIBUTE, each with [CASCADE | RESTRICT].
     */
    record AlterAttributes(QualifiedName name, List<AttributeAction> actions, int position) implements TypeStatement {
        public AlterAttributes {
            actions = List.copyOf(actions);
        }
    }

    /** One action of {@link AlterAttributes}; {@code cascade} says CASCADE was written. */
    sealed interface AttributeAction {
        boolean cascade();
    }

    /** {@code ADD ATTRIBUTE name type}. */
    record AddAttribute(String name, TypeName type, boolean cascade) implements AttributeAction {
    }

    /** {@code DROP ATTRIBUTE [IF EXISTS] name}. */
    record DropAttribute(String name, boolean ifExists, boolean cascade) implements AttributeAction {
    }

    /** {@code ALTER ATTRIBUTE name [SET DATA] TYPE type}. */
    record AlterAttributeType(String name, TypeName type, boolean cascade) implements AttributeAction {
    }

    /** {@code RENAME ATTRIBUTE from TO to}. */
    record RenameAttribute(String from, String to, boolean cascade) implements AttributeAction {
    }
}
