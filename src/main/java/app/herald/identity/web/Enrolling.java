package app.herald.identity.web;

import app.herald.identity.application.TwoFactor;
import java.io.Serializable;

/** A second factor being set up on a page: the QR code and the key to show, and the first code typed back. */
public class Enrolling implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TwoFactor.Enrolment enrolment;
    private String code;

    Enrolling(TwoFactor.Enrolment enrolment) {
        this.enrolment = enrolment;
    }

    public String getQrCode() {
        return QrPicture.svg(enrolment.appAddress(), "QR code to scan with your app");
    }

    public String getSecret() {
        return enrolment.secret();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
