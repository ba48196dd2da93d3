import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { ConsoleSignInPage } from "@referral-app/app-kit/console-sign-in-page";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { Route, Routes, useLocation } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { setupAdminServer } from "./test/admin-handlers.ts";
import { renderPage } from "./test/render-page.tsx";

const api = setupAdminServer();
let signedIn = false;
const user = { id: "u-staff", email: "staff@example.com", name: "Sam Staff", role: "staff" };

beforeEach(() => {
  signedIn = false;
  api.use();
  api.server.use(
    http.get(`${MOCK_BASE_URL}/auth/get-session`, () =>
      HttpResponse.json(
        signedIn
          ? { session: { id: "s1", userId: user.id, expiresAt: "2099-01-01T00:00:00.000Z" }, user }
          : null,
      ),
    ),
    http.post(`${MOCK_BASE_URL}/auth/sign-in/email`, async ({ request }) => {
      const body = (await request.json()) as { password: string };
      if (body.password !== "right-password")
        return HttpResponse.json({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid" }, { status: 401 });
      signedIn = true;
      return HttpResponse.json({ token: "t", user: { ...user, emailVerified: true } });
    }),
  );
});

function Landed() {
  const location = useLocation();
  return <p>Landed on {`${location.pathname}${location.search}`}</p>;
}

function renderSignIn(route: string) {
  renderPage(
    <Routes>
      <Route path="/sign-in" element={<ConsoleSignInPage />} />
      <Route path="*" element={<Landed />} />
    </Routes>,
    { route },
  );
}

async function signIn(password: string) {
  const person = userEvent.setup();
  await person.type(await screen.findByLabelText(/^Email/), user.email);
  await person.type(screen.getByLabelText(/^Password/), password);
  await person.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("staff sign-in", () => {
  it("says in the dashboard's words when the email or password is wrong", async () => {
    renderSignIn("/sign-in");
    expect(await screen.findByRole("heading", { name: "Staff sign in" })).toBeInTheDocument();
    await signIn("wrong-password");
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password.");
  });

  it("returns to the page that asked for sign-in", async () => {
    renderSignIn(`/sign-in?next=${encodeURIComponent("/clients?stage=assessment")}`);
    await signIn("right-password");
    expect(await screen.findByText("Landed on /clients?stage=assessment")).toBeInTheDocument();
  });

  it("never follows a next that leaves the site", async () => {
    signedIn = true;
    renderSignIn(`/sign-in?next=${encodeURIComponent("//evil.example/phish")}`);
    expect(await screen.findByText("Landed on /")).toBeInTheDocument();
  });
});
