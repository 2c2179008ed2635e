package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An option of a job spec whose JSON value is its {@link #wireName()}: the constant's name in lower case with
 * {@code '_'} written {@code '-'} ({@code EDGE_POPUP} is {@code "edge-popup"}), as {@link
 * io.spikelot.model.job.JobType#wireName()} spells job types. Each spec enum implements it and declares a
 * {@code @JsonCreator fromWireName(String)} that delegates to {@link #fromWireName(Class, String)}.
 */
public interface WireEnum {

    /** The constant's name in the spec's JSON. */
    @JsonValue
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} named {@code wireName} in the spec's JSON.
     *
     * @throws IllegalArgumentException naming the accepted values when there is none
     */
    static <E extends Enum<E> & WireEnum> E fromWireName(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "Unknown " + type.getSimpleName() + " '" + wireName + "'; expected one of " + wireNames(type));
    }

    /** Every wire name of {@code type}, in declaration order. */
    static <E extends Enum<E> & WireEnum> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
    }
}
