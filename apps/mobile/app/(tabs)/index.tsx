import { DashboardScreen } from "../../src/screens/dashboard-screen";

export default DashboardScreen;
