package se.lotsbok.ui.participant;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.lotsbok.domain.common.Actor;
import se.lotsbok.domain.participant.Participant;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.i18n.Texts;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.ui.common.Tasks;

/** The "Deltagare" screen: the register list beside the form of the participant being edited. */
public final class ParticipantsViewModel {

    private final ParticipantService service;
    private final Actor actor;
    private final Tasks tasks;
    private final Texts texts;
    private final Consumer<Throwable> onError;
    private final ParticipantListViewModel list;
    private final ParticipantFormViewModel form;
    private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(this, "formShown");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public ParticipantsViewModel(ParticipantService service, Actor actor, Tasks tasks, Texts texts,
            Supplier<UnitSettings> settings, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.texts = texts;
        this.onError = onError;
        this.list = new ParticipantListViewModel(service, actor, tasks, onError);
        this.form = new ParticipantFormViewModel(service, actor, tasks, texts, settings, this::saved, onError);
    }

    public ParticipantListViewModel list() {
        return list;
    }

    public ParticipantFormViewModel form() {
        return form;
    }

    public void load() {
        list.reload();
    }

    /** Opens an empty form for a new participant. */
    public void newParticipant() {
        notice.set("");
        form.startNew();
        formShown.set(true);
    }

    /** Opens participant {@code id} in the form. */
    public void open(long id) {
        notice.set("");
        tasks.run(() -> service.open(actor, id), found -> {
            if (found.isPresent()) {
                form.edit(found.get());
                formShown.set(true);
            } else {
                notice.set(texts.get("participant.notFound"));
                list.reload();
            }
        }, onError);
    }

    /** Closes the form; the caller has already asked about unsaved changes. */
    public void closeForm() {
        form.startNew();
        formShown.set(false);
    }

    private void saved(Participant participant) {
        notice.set(texts.format("participant.saved", participant.data().fullName()));
        list.reload();
    }

    public ReadOnlyBooleanProperty formShownProperty() {
        return formShown.getReadOnlyProperty();
    }

    /** A short confirmation or notice for the user, e.g. "Anna Ek är sparad". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clearNotice() {
        notice.set("");
    }
}
