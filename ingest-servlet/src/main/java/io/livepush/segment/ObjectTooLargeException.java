package io.livepush.segment;

import java.io.IOException;

/** An upload went over the object size limit; nothing was published. */
public class ObjectTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public ObjectTooLargeException(long limit) {
        super("The object is larger than the limit of " + limit + " bytes");
    }
}
