package io.basalt.sql.parser;

import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.PrivilegeStatement.RoleOption;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements of {@link PrivilegeStatement}: roles, memberships, privileges, SET ROLE / SESSION AUTHORIZATION and
 * ALTER ... OWNER TO, in PostgreSQL's grammar. {@link #at} recognises them by their leading words before the other
 * parsers see the statement; forms Basalt does not execute (ALTER ROLE ... SET, GRANT ON DATABASE / LARGE OBJECT
 * ... are accepted by the executor or refused there) parse fully.
 */
final class PrivilegeParser extends ParserBase {
    PrivilegeParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the statement at the cursor is one of this parser's. */
    boolean at() {
        Token first = current();
        Token second = tokens.peek(1);
        if (first.is(Keyword.GRANT) || first.is(Keyword.REVOKE)) {
            return true;
        }
        if ((first.is(Keyword.DROP) || first.is(Keyword.REASSIGN)) && second.is(Keyword.OWNED)) {
            return true;
        }
        if ((first.is(Keyword.CREATE) || first.is(Keyword.DROP)) && roleWord(second)
                && !(second.is(Keyword.USER) && tokens.peek(2).is(Keyword.MAPPING))) {
            return true;
        }
        if (first.is(Keyword.ALTER) && roleWord(second) && !(second.is(Keyword.USER)
                && tokens.peek(2).is(Keyword.MAPPING))) {
            int ahead = 3;
            return !tokens.peek(ahead).is(Keyword.SET) && !tokens.peek(ahead).is(Keyword.RESET)
                    && !tokens.peek(2).is(Keyword.ALL) && !tokens.peek(ahead).is(Keyword.IN);
        }
        if (first.is(Keyword.SET)) {
            int ahead = 1;
            if (tokens.peek(1).is(Keyword.SESSION) || tokens.peek(1).is(Keyword.LOCAL)) {
                ahead = 2;
            }
            Token word = tokens.peek(ahead);
            Token after = tokens.peek(ahead + 1);
            if (word.is(Keyword.ROLE)) {
                // SET role TO x is SET ROLE x, checked the same way
                return true;
            }
            return word.is(Keyword.SESSION) && after.is(Keyword.AUTHORIZATION)
                    || ahead == 2 && tokens.peek(1).is(Keyword.SESSION) && word.is(Keyword.AUTHORIZATION);
        }
        if (first.is(Keyword.RESET)) {
            return second.is(Keyword.ROLE) && !tokens.peek(2).is(TokenKind.DOT)
                    || second.is(Keyword.SESSION) && tokens.peek(2).is(Keyword.AUTHORIZATION);
        }
        if (first.is(Keyword.ALTER)) {
            return second.is(Keyword.DEFAULT) && tokens.peek(2).is(Keyword.PRIVILEGES) || ownerTo();
        }
        return false;
    }

    private static boolean roleWord(Token token) {
        return token.is(Keyword.ROLE) || token.is(Keyword.USER) || token.is(Keyword.GROUP);
    }

    /** Whether the cursor is at {@code ALTER kind [IF EXISTS] name OWNER TO}. */
    private boolean ownerTo() {
        int ahead = 1;
        Token kind = tokens.peek(ahead);
        if (kind.is(Keyword.MATERIALIZED) && tokens.peek(ahead + 1).is(Keyword.VIEW)) {
            ahead++;
        } else if (!kind.is(Keyword.TABLE) && !kind.is(Keyword.VIEW) && !kind.is(Keyword.SEQUENCE)
                && !kind.is(Keyword.SCHEMA)) {
            return false;
        }
        ahead++;
        if (tokens.peek(ahead).is(Keyword.IF) && tokens.peek(ahead + 1).is(Keyword.EXISTS)) {
            ahead += 2;
        }
        ahead++;
        while (tokens.peek(ahead).is(TokenKind.DOT)) {
            ahead += 2;
        }
        return tokens.peek(ahead).is(Keyword.OWNER) && tokens.peek(ahead + 1).is(Keyword.TO);
    }

    /** The statement at the cursor ({@link #at} said yes). */
    PrivilegeStatement statement() {
        Token first = current();
        if (first.is(Keyword.GRANT) || first.is(Keyword.REVOKE)) {
            return grantOrRevoke();
        }
        if (first.is(Keyword.SET) || first.is(Keyword.RESET)) {
            return setRole();
        }
        if (first.is(Keyword.CREATE)) {
            return createRole();
        }
        if (tokens.peek(1).is(Keyword.OWNED)) {
            return owned();
        }
        if (first.is(Keyword.DROP)) {
            return dropRole();
        }
        if (roleWord(tokens.peek(1))) {
            return alterRole();
        }
        if (tokens.peek(1).is(Keyword.DEFAULT)) {
            return alterDefaultPrivileges();
        }
        return alterOwner();
    }

    /** {@code DROP OWNED BY roles [CASCADE | RESTRICT]} or {@code REASSIGN OWNED BY roles TO role}. */
    private PrivilegeStatement owned() {
        Token first = tokens.next();
        tokens.expect(Keyword.OWNED);
        tokens.expect(Keyword.BY);
        List<String> roles = roleList();
        if (first.is(Keyword.REASSIGN)) {
            tokens.expect(Keyword.TO);
            return new PrivilegeStatement.ReassignOwned(roles, roleSpec(), first.position());
        }
        boolean cascade = tokens.accept(Keyword.CASCADE);
        if (!cascade) {
            tokens.accept(Keyword.RESTRICT);
        }
        return new PrivilegeStatement.DropOwned(roles, cascade, first.position());
    }

    // ---- roles --------------------------------------------------------------------------------------

    private PrivilegeStatement.CreateRole createRole() {
        Token create = tokens.expect(Keyword.CREATE);
        String kind = tokens.next().value().toUpperCase(Locale.ROOT);
        String name = roleName();
        tokens.accept(Keyword.WITH);
        return new PrivilegeStatement.CreateRole(kind, name, roleOptions(), create.position());
    }

    private PrivilegeStatement.AlterRole alterRole() {
        Token alter = tokens.expect(Keyword.ALTER);
        String kind = tokens.next().value().toUpperCase(Locale.ROOT);
        String name = roleSpec();
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.TO);
            return new PrivilegeStatement.AlterRole(kind, name, List.of(), roleName(), List.of(), List.of(),
                    alter.position());
        }
        if (kind.equals("GROUP") && (tokens.at(Keyword.ADD) || tokens.at(Keyword.DROP))) {
            boolean add = tokens.next().is(Keyword.ADD);
            tokens.expect(Keyword.USER);
            List<String> users = roleList();
            return new PrivilegeStatement.AlterRole(kind, name, List.of(), null, add ? users : List.of(),
                    add ? List.of() : users, alter.position());
        }
        tokens.accept(Keyword.WITH);
        return new PrivilegeStatement.AlterRole(kind, name, roleOptions(), null, List.of(), List.of(),
                alter.position());
    }

    private PrivilegeStatement.DropRole dropRole() {
        Token drop = tokens.expect(Keyword.DROP);
        String kind = tokens.next().value().toUpperCase(Locale.ROOT);
        boolean ifExists = acceptIfExists();
        List<String> names = new ArrayList<>();
        do {
            names.add(roleName());
        } while (tokens.accept(TokenKind.COMMA));
        return new PrivilegeStatement.DropRole(kind, names, ifExists, drop.position());
    }

    /** The attributes of CREATE / ALTER ROLE, up to the end of the statement. */
    private List<RoleOption> roleOptions() {
        List<RoleOption> options = new ArrayList<>();
        while (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
            Token word = tokens.next();
            if (word.kind() != TokenKind.IDENTIFIER) {
                throw tokens.syntaxErrorAt(word);
            }
            String name = word.value().toLowerCase(Locale.ROOT);
            switch (name) {
                case "password" -> options.add(new RoleOption("password",
                        tokens.accept(Keyword.NULL) ? null : tokens.expect(TokenKind.STRING).value()));
                case "encrypted", "unencrypted" -> {
                    tokens.expect(Keyword.PASSWORD);
                    options.add(new RoleOption("password", tokens.expect(TokenKind.STRING).value()));
                }
                case "connection" -> {
                    tokens.expect(Keyword.LIMIT);
                    options.add(new RoleOption("connection limit", signedInteger()));
                }
                case "valid" -> {
                    tokens.expect(Keyword.UNTIL);
                    options.add(new RoleOption("valid until", tokens.expect(TokenKind.STRING).value()));
                }
                case "in" -> {
                    if (!tokens.accept(Keyword.ROLE)) {
                        tokens.expect(Keyword.GROUP);
                    }
                    options.add(new RoleOption("in role", roleList()));
                }
                case "role", "user", "admin" -> options.add(new RoleOption(name, roleList()));
                case "sysid" -> options.add(new RoleOption("sysid", signedInteger()));
                default -> options.add(new RoleOption(name, null));
            }
        }
        return options;
    }

    private int signedInteger() {
        boolean negative = tokens.acceptOperator("-");
        Token number = tokens.expect(TokenKind.NUMBER);
        int value = Integer.parseInt(number.value());
        return negative ? -value : value;
    }

    /** A role's name where a new role is named (no CURRENT_USER and the like). */
    private String roleName() {
        Token token = current();
        if (token.kind() == TokenKind.QUOTED_IDENTIFIER || token.kind() == TokenKind.IDENTIFIER
                && (token.keyword() == null || token.keyword().category().allowedAsColumnName())) {
            return tokens.next().value();
        }
        throw tokens.syntaxError();
    }

    /** PostgreSQL's RoleSpec: a name, CURRENT_USER, CURRENT_ROLE or SESSION_USER. */
    private String roleSpec() {
        if (tokens.accept(Keyword.CURRENT_USER)) {
            return PrivilegeStatement.CURRENT_USER;
        }
        if (tokens.accept(Keyword.CURRENT_ROLE)) {
            return PrivilegeStatement.CURRENT_ROLE;
        }
        if (tokens.accept(Keyword.SESSION_USER)) {
            return PrivilegeStatement.SESSION_USER;
        }
        return roleName();
    }

    private List<String> roleList() {
        List<String> roles = new ArrayList<>();
        do {
            roles.add(roleSpec());
        } while (tokens.accept(TokenKind.COMMA));
        return roles;
    }

    /** A grantee: a RoleSpec, {@code GROUP name}, or PUBLIC. */
    private List<String> granteeList() {
        List<String> grantees = new ArrayList<>();
        do {
            tokens.accept(Keyword.GROUP);
            Token token = current();
            if (token.kind() == TokenKind.IDENTIFIER && token.keyword() == null && token.value().equals("public")) {
                tokens.next();
                grantees.add(PrivilegeStatement.PUBLIC);
            } else {
                grantees.add(roleSpec());
            }
        } while (tokens.accept(TokenKind.COMMA));
        return grantees;
    }

    // ---- SET ROLE -----------------------------------------------------------------------------------

    private PrivilegeStatement.SetRole setRole() {
        Token first = tokens.next();
        if (first.is(Keyword.RESET)) {
            boolean authorization = tokens.accept(Keyword.SESSION);
            if (authorization) {
                tokens.expect(Keyword.AUTHORIZATION);
            } else {
                tokens.expect(Keyword.ROLE);
            }
            return new PrivilegeStatement.SetRole(authorization, null, false, first.position());
        }
        boolean local = false;
        if (tokens.at(Keyword.LOCAL) || tokens.at(Keyword.SESSION) && !tokens.peek(1).is(Keyword.AUTHORIZATION)) {
            local = tokens.next().is(Keyword.LOCAL);
        }
        if (tokens.accept(Keyword.ROLE)) {
            if (!tokens.accept(Keyword.TO)) {
                tokens.acceptOperator("=");
            }
            if (tokens.accept(Keyword.NONE) || tokens.accept(Keyword.DEFAULT)) {
                return new PrivilegeStatement.SetRole(false, null, local, first.position());
            }
            return new PrivilegeStatement.SetRole(false, roleOrString(), local, first.position());
        }
        tokens.expect(Keyword.SESSION);
        tokens.expect(Keyword.AUTHORIZATION);
        if (tokens.accept(Keyword.DEFAULT)) {
            return new PrivilegeStatement.SetRole(true, null, local, first.position());
        }
        return new PrivilegeStatement.SetRole(true, roleOrString(), local, first.position());
    }

    private String roleOrString() {
        if (tokens.at(TokenKind.STRING)) {
            String value = tokens.next().value();
            return value.equals("none") ? null : value;
        }
        return roleSpec();
    }

    // ---- GRANT / REVOKE -----------------------------------------------------------------------------

    /** {@code ALTER DEFAULT PRIVILEGES [FOR ROLE ...] [IN SCHEMA ...] GRANT | REVOKE ...}. */
    private PrivilegeStatement.AlterDefaultPrivileges alterDefaultPrivileges() {
        Token alter = tokens.expect(Keyword.ALTER);
        tokens.expect(Keyword.DEFAULT);
        tokens.expect(Keyword.PRIVILEGES);
        List<String> roles = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        while (tokens.at(Keyword.FOR) || tokens.at(Keyword.IN)) {
            if (tokens.accept(Keyword.FOR)) {
                if (!tokens.accept(Keyword.ROLE)) {
                    tokens.expect(Keyword.USER);
                }
                roles.addAll(roleList());
            } else {
                tokens.expect(Keyword.IN);
                tokens.expect(Keyword.SCHEMA);
                do {
                    schemas.add(grammar.names().columnId());
                } while (tokens.accept(TokenKind.COMMA));
            }
        }
        if (!tokens.at(Keyword.GRANT) && !tokens.at(Keyword.REVOKE)) {
            throw tokens.syntaxError();
        }
        defaults = true;
        PrivilegeStatement inner = grantOrRevoke();
        if (!(inner instanceof PrivilegeStatement.GrantPrivileges grant)) {
            throw tokens.syntaxError();
        }
        return new PrivilegeStatement.AlterDefaultPrivileges(roles, schemas, grant, alter.position());
    }

    /** Whether the GRANT / REVOKE being read is ALTER DEFAULT PRIVILEGES' (ON TABLES ..., no object names). */
    private boolean defaults;

    private PrivilegeStatement grantOrRevoke() {
        Token first = tokens.next();
        boolean grant = first.is(Keyword.GRANT);
        String optionFor = null;
        if (!grant && tokens.peek(1).is(Keyword.OPTION) && tokens.peek(2).is(Keyword.FOR)) {
            optionFor = tokens.next().value().toUpperCase(Locale.ROOT);
            tokens.next();
            tokens.next();
        }
        int mark = tokens.mark();
        List<PrivilegeStatement.PrivilegeItem> privileges = new ArrayList<>();
        List<String> allColumns = List.of();
        boolean all = false;
        if (tokens.at(Keyword.ALL)) {
            tokens.next();
            tokens.accept(Keyword.PRIVILEGES);
            all = true;
            if (tokens.at(TokenKind.LEFT_PAREN)) {
                allColumns = columnList();
            }
        } else {
            do {
                Token word = tokens.next();
                List<String> columns = tokens.at(TokenKind.LEFT_PAREN) ? columnList() : List.of();
                privileges.add(new PrivilegeStatement.PrivilegeItem(word.value().toUpperCase(Locale.ROOT), columns,
                        word.position()));
            } while (tokens.accept(TokenKind.COMMA));
        }
        if (!tokens.at(Keyword.ON)) {
            // a role grant: GRANT role [, ...] TO ...
            tokens.reset(mark);
            return grantRole(grant, optionFor, first);
        }
        tokens.expect(Keyword.ON);
        String kind = "TABLE";
        boolean inSchemas = false;
        List<QualifiedName> objects = new ArrayList<>();
        if (defaults) {
            Token word = tokens.next();
            kind = word.value().toUpperCase(Locale.ROOT);
            if (!List.of("TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES", "SCHEMAS").contains(kind)) {
                throw tokens.syntaxErrorAt(word);
            }
            return finishGrant(grant, optionFor, first, all ? List.of() : privileges, allColumns, kind, objects,
                    false);
        }
        if (tokens.at(Keyword.ALL) && (tokens.peek(1).is(Keyword.TABLES) || tokens.peek(1).is(Keyword.SEQUENCES)
                || tokens.peek(1).is(Keyword.FUNCTIONS) || tokens.peek(1).is(Keyword.PROCEDURES)
                || tokens.peek(1).is(Keyword.ROUTINES))) {
            tokens.next();
            kind = tokens.next().value().toUpperCase(Locale.ROOT);
            kind = kind.substring(0, kind.length() - 1);
            tokens.expect(Keyword.IN);
            tokens.expect(Keyword.SCHEMA);
            inSchemas = true;
        } else if (tokens.at(Keyword.TABLE) || tokens.at(Keyword.SEQUENCE) || tokens.at(Keyword.SCHEMA)
                || tokens.at(Keyword.FUNCTION) || tokens.at(Keyword.PROCEDURE) || tokens.at(Keyword.ROUTINE)
                || tokens.at(Keyword.DATABASE) || tokens.at(Keyword.DOMAIN) || tokens.at(Keyword.TYPE)
                || tokens.at(Keyword.LANGUAGE) || tokens.at(Keyword.TABLESPACE)) {
            kind = tokens.next().value().toUpperCase(Locale.ROOT);
        } else if (tokens.at(Keyword.LARGE) || tokens.at(Keyword.FOREIGN)) {
            throw unsupported((grant ? "GRANT" : "REVOKE") + " ON " + tokens.next().value().toUpperCase(Locale.ROOT)
                    + " " + tokens.next().value().toUpperCase(Locale.ROOT));
        }
        do {
            objects.add(grammar.names().qualifiedName());
            if (tokens.at(TokenKind.LEFT_PAREN)) {
                // a routine's argument types: skipped (routines are matched by name)
                skipParenthesised();
            }
        } while (tokens.accept(TokenKind.COMMA));
        return finishGrant(grant, optionFor, first, all ? List.of() : privileges, allColumns, kind, objects, inSchemas);
    }

    /** The rest of GRANT / REVOKE of privileges, from TO / FROM on. */
    private PrivilegeStatement.GrantPrivileges finishGrant(boolean grant, String optionFor, Token first,
                                                           List<PrivilegeStatement.PrivilegeItem> privileges,
                                                           List<String> allColumns, String kind,
                                                           List<QualifiedName> objects, boolean inSchemas) {
        if (grant) {
            tokens.expect(Keyword.TO);
        } else {
            tokens.expect(Keyword.FROM);
        }
        List<String> grantees = granteeList();
        boolean grantOption = false;
        if (grant && tokens.accept(Keyword.WITH)) {
            tokens.expect(Keyword.GRANT);
            tokens.expect(Keyword.OPTION);
            grantOption = true;
        }
        if (!grant && optionFor != null) {
            if (!optionFor.equals("GRANT")) {
                throw tokens.syntaxErrorAt(first);
            }
            grantOption = true;
        }
        String grantedBy = grantedBy();
        boolean cascade = !grant && acceptDropBehavior();
        return new PrivilegeStatement.GrantPrivileges(grant, privileges, allColumns, kind,
                objects, inSchemas, grantees, grantOption, grantedBy, cascade, first.position());
    }

    private String grantedBy() {
        if (tokens.at(Keyword.GRANTED)) {
            tokens.next();
            tokens.expect(Keyword.BY);
            return roleSpec();
        }
        return null;
    }

    private PrivilegeStatement.GrantRole grantRole(boolean grant, String optionFor, Token first) {
        List<String> roles = roleList();
        if (grant) {
            tokens.expect(Keyword.TO);
        } else {
            tokens.expect(Keyword.FROM);
        }
        List<String> grantees = roleList();
        List<RoleOption> options = new ArrayList<>();
        if (grant && tokens.accept(Keyword.WITH)) {
            do {
                Token option = tokens.next();
                String name = option.value().toLowerCase(Locale.ROOT);
                boolean value;
                if (tokens.accept(Keyword.OPTION) || tokens.accept(Keyword.TRUE)) {
                    value = true;
                } else if (tokens.accept(Keyword.FALSE)) {
                    value = false;
                } else {
                    throw tokens.syntaxError();
                }
                options.add(new RoleOption(name, value));
            } while (tokens.accept(TokenKind.COMMA));
        }
        String grantedBy = grantedBy();
        boolean cascade = !grant && acceptDropBehavior();
        return new PrivilegeStatement.GrantRole(grant, roles, grantees, options,
                optionFor == null ? null : optionFor.toLowerCase(Locale.ROOT), grantedBy, cascade, first.position());
    }

    private List<String> columnList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> columns = new ArrayList<>();
        do {
            columns.add(grammar.names().columnId());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return columns;
    }

    private void skipParenthesised() {
        int depth = 0;
        do {
            Token token = tokens.next();
            if (token.is(TokenKind.LEFT_PAREN)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                depth--;
            } else if (token.is(TokenKind.END_OF_INPUT)) {
                throw tokens.syntaxErrorAt(token);
            }
        } while (depth > 0);
    }

    // ---- ALTER ... OWNER TO -------------------------------------------------------------------------

    private PrivilegeStatement.AlterOwner alterOwner() {
        Token alter = tokens.expect(Keyword.ALTER);
        String kind = tokens.next().value().toUpperCase(Locale.ROOT);
        if (kind.equals("MATERIALIZED")) {
            tokens.expect(Keyword.VIEW);
            kind = "MATERIALIZED VIEW";
        }
        boolean ifExists = acceptIfExists();
        QualifiedName name = grammar.names().qualifiedName();
        tokens.expect(Keyword.OWNER);
        tokens.expect(Keyword.TO);
        return new PrivilegeStatement.AlterOwner(kind, name, ifExists, roleSpec(), alter.position());
    }
}
