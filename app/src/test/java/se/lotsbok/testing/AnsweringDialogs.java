package se.lotsbok.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import se.lotsbok.ui.common.Dialogs;
import se.lotsbok.ui.common.Question;

/**
 * {@link Dialogs} for view-model tests: answers each question with the next answer the test gave,
 * and keeps every question asked so the test can read its words. A question with no answer left
 * fails the test rather than guessing.
 */
public final class AnsweringDialogs implements Dialogs {

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Question> asked = new ArrayList<>();

    /** The next yes/no question is answered {@code goAhead}. */
    public AnsweringDialogs answer(boolean goAhead) {
        answers.add(goAhead);
        return this;
    }

    /** The next question that asks for a text gets {@code text} (null: cancelled). */
    public AnsweringDialogs answerText(String text) {
        answers.add(text == null ? Optional.empty() : Optional.of(text));
        return this;
    }

    /** The next choice picks the item at {@code index} (negative: cancelled). */
    public AnsweringDialogs choose(int index) {
        answers.add(index);
        return this;
    }

    public List<Question> asked() {
        return asked;
    }

    public Question lastAsked() {
        if (asked.isEmpty()) {
            throw new AssertionError("no question was asked");
        }
        return asked.getLast();
    }

    @Override
    public boolean confirm(Question question) {
        asked.add(question);
        return (Boolean) next(question);
    }

    @Override
    public Optional<String> askText(Question question) {
        asked.add(question);
        @SuppressWarnings("unchecked")
        Optional<String> text = (Optional<String>) next(question);
        return text;
    }

    @Override
    public <T> Optional<T> choose(Question question, List<T> choices, Function<? super T, String> names) {
        asked.add(question);
        int index = (Integer) next(question);
        return index < 0 ? Optional.empty() : Optional.of(choices.get(index));
    }

    @Override
    public void tell(Question message) {
        asked.add(message);
    }

    private Object next(Question question) {
        if (answers.isEmpty()) {
            throw new AssertionError("no answer prepared for: " + question.header() + " / " + question.text());
        }
        return answers.poll();
    }
}
