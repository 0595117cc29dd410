package app.herald.identity.web;

import app.herald.kernel.web.Feedback;
import jakarta.enterprise.context.Dependent;
import java.io.Serializable;

/** A new password typed twice, as on the invitation and reset pages; the rules themselves are checked by the service. */
@Dependent
public class ChosenPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    private String password;
    private String repeated;

    /** True when both entries agree; otherwise tells the person. */
    public boolean isConfirmed() {
        if (password == null || !password.equals(repeated)) {
            Feedback.error("The two passwords differ.");
            return false;
        }
        return true;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
