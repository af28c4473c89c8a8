package se.lotsbok.ui.participant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.AgeWarning;
import se.lotsbok.domain.participant.FieldProblem;
import se.lotsbok.domain.participant.Gender;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.participant.ParticipantChange;
import se.lotsbok.domain.participant.ParticipantField;
import se.lotsbok.domain.participant.ParticipantInput;
import se.lotsbok.domain.participant.ParticipantSummary;
import se.lotsbok.domain.participant.ParticipantValidator;
import se.lotsbok.domain.participant.PersonalIdentityNumber;
import se.lotsbok.domain.participant.Programme;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.participant.SaveOutcome;
import se.lotsbok.ui.common.Tasks;

/**
 * The participant form: what the user types, the messages beside each field, and the save command.
 * What was typed stays until the user saves successfully or discards it.
 */
public final class ParticipantFormViewModel {

    private static final Map<ParticipantField, String> FIELD_LABELS = Map.of(
            ParticipantField.FIRST_NAME, "participant.field.firstName",
            ParticipantField.LAST_NAME, "participant.field.lastName",
            ParticipantField.IDENTITY_NUMBER, "participant.field.identityNumber",
            ParticipantField.BIRTH_DATE, "participant.field.birthDate",
            ParticipantField.GENDER, "participant.field.gender",
            ParticipantField.PROGRAMME, "participant.field.programme",
            ParticipantField.PHONE, "participant.field.phone",
            ParticipantField.ADDRESS, "participant.field.address",
            ParticipantField.COMMENT, "participant.field.comment");

    private final ParticipantService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Supplier<UnitSettings> settings;
    private final Consumer<Participant> onSaved;
    private final Consumer<Throwable> onError;

    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    private final BooleanProperty withoutIdentityNumber = new SimpleBooleanProperty(this, "withoutIdentityNumber");
    private final StringProperty identityNumber = new SimpleStringProperty(this, "identityNumber", "");
    private final StringProperty birthDate = new SimpleStringProperty(this, "birthDate", "");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>(this, "gender");
    private final ObjectProperty<Programme> programme = new SimpleObjectProperty<>(this, "programme");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");

    private final Map<ParticipantField, ReadOnlyStringWrapper> errors = new EnumMap<>(ParticipantField.class);
    private final ReadOnlyStringWrapper ageWarning = new ReadOnlyStringWrapper(this, "ageWarning", "");
    private final ReadOnlyObjectWrapper<ParticipantSummary> duplicateOf = new ReadOnlyObjectWrapper<>(this, "duplicateOf");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper(this, "formMessage", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Long> participantId = new ReadOnlyObjectWrapper<>(this, "participantId");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", true);

    private long version;
    private ParticipantInput loaded = blank();
    private boolean showProblems;
    /** True while {@link #fill} sets the fields one by one: the half-filled form is no change of the user's. */
    private boolean filling;

    public ParticipantFormViewModel(ParticipantService service, Actor actor, Tasks tasks, Texts texts,
            Supplier<UnitSettings> settings, Consumer<Participant> onSaved, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.settings = settings;
        this.onSaved = onSaved;
        this.onError = onError;
        for (ParticipantField field : ParticipantField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(this, "error" + field, ""));
        }
        // Before the listeners below, so a changed number clears the duplicate before re-validation.
        identityNumber.addListener(o -> duplicateOf.set(null));
        Observable[] inputs = {firstName, lastName, withoutIdentityNumber, identityNumber, birthDate,
                gender, programme, phone, address, comment};
        for (Observable input : inputs) {
            input.addListener(o -> {
                if (!filling) {
                    inputChanged();
                }
            });
        }
        startNew();
    }

    /** Empties the form for a new participant. */
    public void startNew() {
        participantId.set(null);
        version = 0;
        fill(blank());
        title.set(texts.get("participant.form.newTitle"));
    }

    /** Shows a stored participant for editing. */
    public void edit(Participant participant) {
        participantId.set(participant.id());
        version = participant.version();
        fill(ParticipantInput.of(participant.data()));
        title.set(participant.data().fullName());
    }

    /** Throws away what was typed since the last load or save. */
    public void revert() {
        fill(loaded);
    }

    /** Validates and saves in the background; on any refusal the form keeps every typed value. */
    public void save() {
        if (saving.get() || !editable.get()) {
            return;
        }
        ParticipantInput input = input();
        Long id = participantId.get();
        long expectedVersion = version;
        saving.set(true);
        formMessage.set("");
        tasks.run(() -> id == null ? service.create(actor, input) : service.update(actor, id, expectedVersion, input),
                outcome -> {
                    saving.set(false);
                    handle(outcome);
                },
                e -> {
                    saving.set(false);
                    formMessage.set(texts.get("participant.form.saveFailed"));
                    onError.accept(e);
                });
    }

    private void handle(SaveOutcome outcome) {
        switch (outcome) {
            case SaveOutcome.Saved saved -> {
                edit(saved.participant());
                formMessage.set("");
                onSaved.accept(saved.participant());
            }
            case SaveOutcome.Invalid invalid -> {
                showProblems = true;
                showProblems(invalid.problems());
                formMessage.set(texts.get("form.fixErrors"));
            }
            case SaveOutcome.DuplicateIdentityNumber duplicate -> {
                showProblems = true;
                showProblems(Map.of());
                errors.get(ParticipantField.IDENTITY_NUMBER).set(texts.format(
                        "participant.form.duplicate", duplicate.existing().fullName()));
                duplicateOf.set(duplicate.existing());
                formMessage.set(texts.get("form.fixErrors"));
            }
            case SaveOutcome.NotAllowed notAllowed -> formMessage.set(texts.get(notAllowed.reason()));
            case SaveOutcome.ChangedByOthers changed -> {
                ParticipantInput stored = ParticipantInput.of(changed.current().data());
                List<ParticipantChange> changes = ParticipantChange.between(loaded, stored);
                version = changed.current().version();
                loaded = stored;
                updateDirty();
                formMessage.set(texts.format("participant.form.changedByOthers", changed.current().data().fullName(),
                        describe(changes)));
            }
        }
    }

    /** "Efternamn: Lind (var Berg); Telefon: – (var 070-123 45 67)", each value cut to a readable length. */
    private String describe(List<ParticipantChange> changes) {
        if (changes.isEmpty()) {
            return texts.get("participant.form.changedNothingVisible");
        }
        List<String> parts = new ArrayList<>();
        for (ParticipantChange change : changes) {
            parts.add(texts.format("participant.form.changedField", texts.get(FIELD_LABELS.get(change.field())),
                    shown(change.after()), shown(change.before())));
        }
        return String.join("; ", parts);
    }

    private String shown(Object value) {
        String text = switch (value) {
            case null -> "–";
            case Gender g -> texts.get("gender." + g.name());
            case Programme p -> texts.get("programme." + p.name());
            default -> value.toString();
        };
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    private void inputChanged() {
        updateDirty();
        updateAgeWarning();
        if (showProblems) {
            ParticipantValidator.Result result = ParticipantValidator.validate(input(), service.today());
            showProblems(result instanceof ParticipantValidator.Invalid invalid ? invalid.problems() : Map.of());
            if (duplicateOf.get() != null) {
                errors.get(ParticipantField.IDENTITY_NUMBER).set(texts.format(
                        "participant.form.duplicate", duplicateOf.get().fullName()));
            }
        }
    }

    private void showProblems(Map<ParticipantField, FieldProblem> problems) {
        errors.forEach((field, message) -> {
            FieldProblem problem = problems.get(field);
            message.set(problem == null ? "" : texts.format("validation." + problem.name(), field.maxLength()));
        });
    }

    private void updateAgeWarning() {
        Optional<AgeWarning> warning = currentBirthDate().flatMap(born -> programme.get() == null
                ? Optional.empty()
                : ParticipantValidator.ageWarning(born, programme.get(),
                        settings.get().bandOf(programme.get()), service.today()));
        ageWarning.set(warning.map(w -> texts.format("participant.form.ageWarning", w.age(),
                texts.get("programme." + w.programme().name()), w.band().minAge(), w.band().maxAge())).orElse(""));
    }

    private Optional<LocalDate> currentBirthDate() {
        if (withoutIdentityNumber.get()) {
            return ParticipantValidator.parseDate(birthDate.get());
        }
        try {
            return Optional.of(PersonalIdentityNumber.parse(identityNumber.get(), service.today()).birthDate());
        } catch (PersonalIdentityNumber.InvalidException e) {
            return Optional.empty();
        }
    }

    private void fill(ParticipantInput input) {
        loaded = input;
        showProblems = false;
        filling = true;
        try {
            setFields(input);
        } finally {
            filling = false;
        }
        showProblems(Map.of());
        duplicateOf.set(null);
        formMessage.set("");
        updateAgeWarning();
        updateDirty();
    }

    private void setFields(ParticipantInput input) {
        firstName.set(input.firstName());
        lastName.set(input.lastName());
        withoutIdentityNumber.set(input.withoutIdentityNumber());
        identityNumber.set(input.identityNumberText());
        birthDate.set(input.birthDateText());
        gender.set(input.gender());
        programme.set(input.programme());
        phone.set(input.phone());
        address.set(input.address());
        comment.set(input.comment());
    }

    private void updateDirty() {
        dirty.set(!Objects.equals(input(), loaded));
    }

    /** The form's current content as typed. */
    public ParticipantInput input() {
        return new ParticipantInput(firstName.get(), lastName.get(), withoutIdentityNumber.get(),
                identityNumber.get(), birthDate.get(), gender.get(), programme.get(),
                phone.get(), address.get(), comment.get());
    }

    private static ParticipantInput blank() {
        return new ParticipantInput("", "", false, "", "", null, null, "", "", "");
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public BooleanProperty withoutIdentityNumberProperty() {
        return withoutIdentityNumber;
    }

    public StringProperty identityNumberProperty() {
        return identityNumber;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ObjectProperty<Programme> programmeProperty() {
        return programme;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /** The message beside {@code field}; empty when the field is fine. */
    public ReadOnlyStringProperty errorProperty(ParticipantField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageWarningProperty() {
        return ageWarning.getReadOnlyProperty();
    }

    /** Set when the identity number belongs to someone already in the register. */
    public ReadOnlyObjectProperty<ParticipantSummary> duplicateOfProperty() {
        return duplicateOf.getReadOnlyProperty();
    }

    /** A message about the form as a whole, such as "fix the marked fields". */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** False while the user may only read this participant; the fields are then locked. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    void setEditable(boolean value) {
        editable.set(value);
    }

    /** The stored participant being edited, or null for a new one. */
    public ReadOnlyObjectProperty<Long> participantIdProperty() {
        return participantId.getReadOnlyProperty();
    }
}
