package se.lotsbok.ui.casepath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import se.lotsbok.domain.casepath.CaseStatus;
import se.lotsbok.domain.casepath.ClosureReason;
import se.lotsbok.domain.casepath.Consent;
import se.lotsbok.domain.casepath.DischargeReason;
import se.lotsbok.domain.casepath.Goal;
import se.lotsbok.domain.casepath.Move;
import se.lotsbok.domain.casepath.Partner;
import se.lotsbok.domain.casepath.ReferralSource;
import se.lotsbok.domain.casepath.Situation;
import se.lotsbok.domain.navigator.Navigator;

/**
 * What is typed in the case file's forms. The values live here, not in the views, so that they are
 * emptied for each participant ({@link CaseViewModel} calls {@code reset}) and a form can only ever
 * record what it shows.
 */
public final class CaseForms {

    private final MoveForm move = new MoveForm();
    private final ConsentForm consent = new ConsentForm();
    private final AssignmentForm assignment = new AssignmentForm();
    private final PartnerForm partner = new PartnerForm();
    private final GoalForm goal = new GoalForm();

    public MoveForm move() {
        return move;
    }

    public ConsentForm consent() {
        return consent;
    }

    public AssignmentForm assignment() {
        return assignment;
    }

    public PartnerForm partner() {
        return partner;
    }

    public GoalForm goal() {
        return goal;
    }

    /** Every form empty again, dates on {@code today}: another participant is open. */
    void reset(LocalDate today) {
        move.reset(today, List.of());
        consent.reset(today);
        assignment.reset(today);
        partner.reset(today);
        goal.reset(today);
    }

    /** The participant's situation at enrollment and discharge: occupation, housing, substance use. */
    public static final class SituationForm {
        private final ObjectProperty<Situation.Occupation> occupation = new SimpleObjectProperty<>(this, "occupation");
        private final ObjectProperty<Situation.Housing> housing = new SimpleObjectProperty<>(this, "housing");
        private final ObjectProperty<Situation.SubstanceUse> substanceUse = new SimpleObjectProperty<>(this, "substanceUse");

        void clear() {
            occupation.set(null);
            housing.set(null);
            substanceUse.set(null);
        }

        /** The situation, once all three are chosen. */
        public Optional<Situation> situation() {
            return occupation.get() == null || housing.get() == null || substanceUse.get() == null ? Optional.empty()
                    : Optional.of(new Situation(occupation.get(), housing.get(), substanceUse.get()));
        }

        public ObjectProperty<Situation.Occupation> occupationProperty() {
            return occupation;
        }

        public ObjectProperty<Situation.Housing> housingProperty() {
            return housing;
        }

        public ObjectProperty<Situation.SubstanceUse> substanceUseProperty() {
            return substanceUse;
        }
    }

    /**
     * "Nästa steg": the step and only the fields that step records. Choosing another step empties
     * the fields it does not show, so a value typed for one step never reaches another's row.
     */
    public static final class MoveForm {
        private final ObservableList<CaseStatus> choices = FXCollections.observableArrayList();
        private final ObjectProperty<CaseStatus> next = new SimpleObjectProperty<>(this, "next");
        private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
        private final ObjectProperty<ReferralSource> source = new SimpleObjectProperty<>(this, "source");
        private final ObjectProperty<DischargeReason> dischargeReason = new SimpleObjectProperty<>(this, "dischargeReason");
        private final ObjectProperty<ClosureReason> closureReason = new SimpleObjectProperty<>(this, "closureReason");
        private final SituationForm situation = new SituationForm();
        private final StringProperty note = new SimpleStringProperty(this, "note", "");
        private final BooleanProperty followUpAgreed = new SimpleBooleanProperty(this, "followUpAgreed");
        private final ReadOnlyBooleanWrapper followUpShown = new ReadOnlyBooleanWrapper(this, "followUpShown");
        private final ReadOnlyBooleanWrapper sourceShown = new ReadOnlyBooleanWrapper(this, "sourceShown");
        private final ReadOnlyBooleanWrapper dischargeReasonShown = new ReadOnlyBooleanWrapper(this, "dischargeReasonShown");
        private final ReadOnlyBooleanWrapper closureReasonShown = new ReadOnlyBooleanWrapper(this, "closureReasonShown");
        private final ReadOnlyBooleanWrapper situationShown = new ReadOnlyBooleanWrapper(this, "situationShown");

        /** True while the choices are replaced: a combo box may empty its value meanwhile, which changes nothing. */
        private boolean replacingChoices;

        MoveForm() {
            next.addListener((obs, old, status) -> {
                if (!replacingChoices) {
                    stepChosen(status);
                }
            });
        }

        private void stepChosen(CaseStatus status) {
            sourceShown.set(status != null && status.takesSource());
            dischargeReasonShown.set(status != null && status.takesDischargeReason());
            closureReasonShown.set(status != null && status.takesClosureReason());
            situationShown.set(status != null && status.takesSituation());
            followUpShown.set(status == CaseStatus.DISCHARGED);
            if (!followUpShown.get()) {
                followUpAgreed.set(false);
            }
            if (!sourceShown.get()) {
                source.set(null);
            }
            if (!dischargeReasonShown.get()) {
                dischargeReason.set(null);
            }
            if (!closureReasonShown.get()) {
                closureReason.set(null);
            }
            if (!situationShown.get()) {
                situation.clear();
            }
        }

        /** Empties the form; {@code allowed} are the steps the case can take now. */
        void reset(LocalDate today, Collection<CaseStatus> allowed) {
            next.set(null);
            stepChosen(null);
            date.set(today);
            note.set("");
            allow(allowed);
        }

        /** The case moved on (elsewhere, or by this form): the steps it can take now, keeping what is typed. */
        void allow(Collection<CaseStatus> allowed) {
            CaseStatus chosen = next.get();
            replacingChoices = true;
            try {
                choices.setAll(allowed.stream().sorted().toList());
            } finally {
                replacingChoices = false;
            }
            CaseStatus keep = chosen != null && choices.contains(chosen) ? chosen
                    : choices.size() == 1 ? choices.getFirst() : null;
            if (next.get() == keep) {
                stepChosen(keep);
            } else {
                next.set(keep);
            }
        }

        /** The move as the form shows it, or empty while no step is chosen. */
        Optional<Move> toMove(LocalDate today) {
            CaseStatus status = next.get();
            if (status == null) {
                return Optional.empty();
            }
            return Optional.of(new Move(status, date.get() == null ? today : date.get(), source.get(),
                    dischargeReason.get(), closureReason.get(),
                    situationShown.get() ? situation.situation().orElse(null) : null, note.get(),
                    followUpShown.get() && followUpAgreed.get()));
        }

        public ObservableList<CaseStatus> choices() {
            return choices;
        }

        public ObjectProperty<CaseStatus> nextProperty() {
            return next;
        }

        public ObjectProperty<LocalDate> dateProperty() {
            return date;
        }

        public ObjectProperty<ReferralSource> sourceProperty() {
            return source;
        }

        public ObjectProperty<DischargeReason> dischargeReasonProperty() {
            return dischargeReason;
        }

        public ObjectProperty<ClosureReason> closureReasonProperty() {
            return closureReason;
        }

        public SituationForm situation() {
            return situation;
        }

        /** For a discharge: the participant agreed to be contacted for a follow-up after it. */
        public BooleanProperty followUpAgreedProperty() {
            return followUpAgreed;
        }

        public ReadOnlyBooleanProperty followUpShownProperty() {
            return followUpShown.getReadOnlyProperty();
        }

        public StringProperty noteProperty() {
            return note;
        }

        public ReadOnlyBooleanProperty sourceShownProperty() {
            return sourceShown.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty dischargeReasonShownProperty() {
            return dischargeReasonShown.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty closureReasonShownProperty() {
            return closureReasonShown.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty situationShownProperty() {
            return situationShown.getReadOnlyProperty();
        }
    }

    /** "Samtycke": a new consent with its partners and guardians, and the date of a withdrawal. */
    public static final class ConsentForm {
        private final ObjectProperty<LocalDate> given = new SimpleObjectProperty<>(this, "given");
        private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
        private final ObservableSet<Partner> partners = FXCollections.observableSet(EnumSet.noneOf(Partner.class));
        private final StringProperty guardian1 = new SimpleStringProperty(this, "guardian1", "");
        private final ObjectProperty<LocalDate> guardian1Date = new SimpleObjectProperty<>(this, "guardian1Date");
        private final StringProperty guardian2 = new SimpleStringProperty(this, "guardian2", "");
        private final ObjectProperty<LocalDate> guardian2Date = new SimpleObjectProperty<>(this, "guardian2Date");
        private final ObjectProperty<LocalDate> withdrawDate = new SimpleObjectProperty<>(this, "withdrawDate");

        void reset(LocalDate today) {
            given.set(today);
            until.set(null);
            partners.addAll(EnumSet.allOf(Partner.class));
            guardian1.set("");
            guardian1Date.set(null);
            guardian2.set("");
            guardian2Date.set(null);
            withdrawDate.set(today);
        }

        /** The guardians typed: a name or a date makes a guardian, whose date defaults to {@code today}. */
        List<Consent.GuardianConsent> guardians(LocalDate today) {
            List<Consent.GuardianConsent> guardians = new ArrayList<>();
            add(guardians, guardian1.get(), guardian1Date.get(), today);
            add(guardians, guardian2.get(), guardian2Date.get(), today);
            return guardians;
        }

        Set<Partner> chosenPartners() {
            return partners.isEmpty() ? Set.of() : EnumSet.copyOf(partners);
        }

        private static void add(List<Consent.GuardianConsent> guardians, String name, LocalDate date, LocalDate today) {
            if (!name.isBlank() || date != null) {
                guardians.add(new Consent.GuardianConsent(name, date == null ? today : date));
            }
        }

        public ObjectProperty<LocalDate> givenProperty() {
            return given;
        }

        public ObjectProperty<LocalDate> untilProperty() {
            return until;
        }

        public ObservableSet<Partner> partners() {
            return partners;
        }

        public StringProperty guardian1Property() {
            return guardian1;
        }

        public ObjectProperty<LocalDate> guardian1DateProperty() {
            return guardian1Date;
        }

        public StringProperty guardian2Property() {
            return guardian2;
        }

        public ObjectProperty<LocalDate> guardian2DateProperty() {
            return guardian2Date;
        }

        public ObjectProperty<LocalDate> withdrawDateProperty() {
            return withdrawDate;
        }
    }

    /** "Lots": the navigator to assign and from when. */
    public static final class AssignmentForm {
        private final ObjectProperty<Navigator> navigator = new SimpleObjectProperty<>(this, "navigator");
        private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");

        void reset(LocalDate today) {
            navigator.set(null);
            from.set(today);
        }

        public ObjectProperty<Navigator> navigatorProperty() {
            return navigator;
        }

        public ObjectProperty<LocalDate> fromProperty() {
            return from;
        }
    }

    /** "Aktörer": a partner to add from a date, and the end date of the one marked. */
    public static final class PartnerForm {
        private final ObjectProperty<Partner> partner = new SimpleObjectProperty<>(this, "partner");
        private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
        private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");

        void reset(LocalDate today) {
            partner.set(null);
            from.set(today);
            to.set(today);
        }

        public ObjectProperty<Partner> partnerProperty() {
            return partner;
        }

        public ObjectProperty<LocalDate> fromProperty() {
            return from;
        }

        public ObjectProperty<LocalDate> toProperty() {
            return to;
        }
    }

    /** "Handlingsplan": a new goal, and a new status or follow-up day for the goal marked. */
    public static final class GoalForm {
        private final ObjectProperty<Goal.LifeArea> area = new SimpleObjectProperty<>(this, "area");
        private final StringProperty description = new SimpleStringProperty(this, "description", "");
        private final ObjectProperty<Partner> responsible = new SimpleObjectProperty<>(this, "responsible");
        private final ObjectProperty<LocalDate> followUp = new SimpleObjectProperty<>(this, "followUp");
        private final ObjectProperty<Goal.Status> newStatus = new SimpleObjectProperty<>(this, "newStatus");
        private final ObjectProperty<LocalDate> newFollowUp = new SimpleObjectProperty<>(this, "newFollowUp");

        void reset(LocalDate today) {
            area.set(null);
            description.set("");
            responsible.set(null);
            followUp.set(today.plusMonths(1));
            newStatus.set(null);
            newFollowUp.set(null);
        }

        public ObjectProperty<Goal.LifeArea> areaProperty() {
            return area;
        }

        public StringProperty descriptionProperty() {
            return description;
        }

        public ObjectProperty<Partner> responsibleProperty() {
            return responsible;
        }

        public ObjectProperty<LocalDate> followUpProperty() {
            return followUp;
        }

        public ObjectProperty<Goal.Status> newStatusProperty() {
            return newStatus;
        }

        public ObjectProperty<LocalDate> newFollowUpProperty() {
            return newFollowUp;
        }
    }
}
