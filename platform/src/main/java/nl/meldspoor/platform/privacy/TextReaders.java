package nl.meldspoor.platform.privacy;

import nl.meldspoor.platform.security.Caller;

/**
 * Who may have the sealed text of a record opened. The default is {@link PersonalDataReaders}: staff of
 * the record's school in a role that sees pupils. A write service narrows or widens that for its own
 * records with the rule its read endpoints follow (a case: its team, including the advisor of the
 * paired school).
 */
@FunctionalInterface
public interface TextReaders {

    boolean mayRead(Caller caller, ProtectedRecord record);
}
