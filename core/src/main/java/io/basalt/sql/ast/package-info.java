/**
 * The syntax tree of PostgreSQL-dialect SQL as the parser produces it: immutable records under sealed
 * interfaces, every node with its source position. Names are already case-folded. Nothing here is
 * resolved or typed; that is the binder's work.
 */
package io.basalt.sql.ast;
